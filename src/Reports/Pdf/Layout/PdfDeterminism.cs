using System.Security.Cryptography;
using System.Text;

namespace Compensation.Reports.Pdf.Layout;

/// <summary>
/// Makes PDFsharp's output reproducible. PDFsharp 6.5 writes three random values on every save:
/// the six-letter tag of each embedded font subset ("XRGVKW+LXGW WenKai", from Guid.NewGuid), the
/// document and instance uuids of the XMP metadata, and the trailer's /ID. <see cref="PdfStreams"/>
/// names each subset by a hash of its font program; the uuids and the /ID are in uncompressed parts
/// of the file, so they are replaced here in place by values of the same length, from a SHA-256 of
/// the file itself (with those fields blanked). Equal lengths keep every cross-reference offset valid.
/// The fields are found in the bytes themselves (each pattern is spelled out below), so no copy of
/// the file is ever made as text.
/// </summary>
internal static class PdfDeterminism
{
    /// <summary>Set as both document ids before saving; 16 characters, written as 32 hex digits.</summary>
    public const string IdPlaceholder = "0000000000000000";

    private const int UuidLength = 36; // 8-4-4-4-12 hex digits

    /// <summary>Changes <paramref name="bytes"/> in place, and returns them.</summary>
    public static byte[] Normalize(byte[] bytes)
    {
        // Blanking keeps every length, so the places found before it are the places to fill after it.
        var uuids = Uuids(bytes);
        var ids = TrailerIds(bytes);
        foreach (var at in uuids)
        {
            Write(bytes, at, "00000000-0000-0000-0000-000000000000");
        }

        foreach (var (first, second) in ids)
        {
            bytes.AsSpan(first.Start, first.Length).Fill((byte)'0');
            bytes.AsSpan(second.Start, second.Length).Fill((byte)'0');
        }

        var hash = SHA256.HashData(bytes);
        var hex = Convert.ToHexString(hash);
        foreach (var at in uuids)
        {
            Write(bytes, at, FormatUuid(hash));
        }

        foreach (var (first, second) in ids)
        {
            Write(bytes, first.Start, Fill(hex, first.Length));
            Write(bytes, second.Start, Fill(hex, second.Length));
        }

        return bytes;
    }

    /// <summary>Where the digits of each "uuid:" followed by lower-case hex digits in groups of 8-4-4-4-12 start.</summary>
    private static List<int> Uuids(byte[] bytes)
    {
        var found = new List<int>();
        for (var at = Find(bytes, "uuid:"u8, 0); at >= 0;)
        {
            var digits = at + "uuid:".Length;
            if (IsUuid(bytes.AsSpan(digits, Math.Min(UuidLength, bytes.Length - digits))))
            {
                found.Add(digits);
                at = Find(bytes, "uuid:"u8, digits + UuidLength);
            }
            else
            {
                at = Find(bytes, "uuid:"u8, at + 1);
            }
        }

        return found;
    }

    private static bool IsUuid(ReadOnlySpan<byte> s)
    {
        if (s.Length != UuidLength)
        {
            return false;
        }

        for (var i = 0; i < UuidLength; i++)
        {
            var ok = i is 8 or 13 or 18 or 23 ? s[i] == (byte)'-' : s[i] is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The two hex strings of each "/ID[&lt;…&gt;&lt;…&gt;]" (any case, at least one digit each).</summary>
    private static List<((int Start, int Length) First, (int Start, int Length) Second)> TrailerIds(byte[] bytes)
    {
        var found = new List<((int, int), (int, int))>();
        for (var at = Find(bytes, "/ID[<"u8, 0); at >= 0;)
        {
            var first = at + "/ID[<".Length;
            var firstLength = HexRun(bytes, first);
            var second = first + firstLength + "><".Length;
            if (firstLength > 0 && bytes.AsSpan(first + firstLength).StartsWith("><"u8))
            {
                var secondLength = HexRun(bytes, second);
                if (secondLength > 0 && bytes.AsSpan(second + secondLength).StartsWith(">]"u8))
                {
                    found.Add(((first, firstLength), (second, secondLength)));
                    at = Find(bytes, "/ID[<"u8, second + secondLength + ">]".Length);
                    continue;
                }
            }

            at = Find(bytes, "/ID[<"u8, at + 1);
        }

        return found;
    }

    private static int HexRun(byte[] bytes, int start)
    {
        var end = start;
        while (end < bytes.Length && char.IsAsciiHexDigit((char)bytes[end]))
        {
            end++;
        }

        return end - start;
    }

    private static int Find(byte[] bytes, ReadOnlySpan<byte> what, int from)
    {
        var at = bytes.AsSpan(from).IndexOf(what);
        return at < 0 ? -1 : from + at;
    }

    private static void Write(byte[] bytes, int at, string ascii) => Encoding.ASCII.GetBytes(ascii, bytes.AsSpan(at, ascii.Length));

    private static string FormatUuid(byte[] hash)
    {
        var h = Convert.ToHexString(hash.AsSpan(16, 16)).ToLowerInvariant();
        return $"{h[..8]}-{h[8..12]}-{h[12..16]}-{h[16..20]}-{h[20..32]}";
    }

    private static string Fill(string hex, int length) => string.Concat(Enumerable.Repeat(hex, (length / hex.Length) + 1))[..length];
}
