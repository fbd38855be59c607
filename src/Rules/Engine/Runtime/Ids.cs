using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Compensation.Rules.Engine.Runtime;

/// <summary>
/// Ordinal comparison of ids, as <see cref="string.CompareOrdinal(string, string)"/> orders them, compiled with the
/// engine: a settlement compares ids some hundred thousand times, and ids share long beginnings ("pay.pool:L0…").
/// </summary>
internal static class Ids
{
    /// <summary>Negative when <paramref name="a"/> comes first, zero when equal, positive when <paramref name="b"/> comes first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Compare(string a, string b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }

        var n = Math.Min(a.Length, b.Length);
        ref var x = ref MemoryMarshal.GetReference(a.AsSpan());
        ref var y = ref MemoryMarshal.GetReference(b.AsSpan());
        var i = 0;

        // Four characters at a time while they are the same, then one by one.
        while (i + 4 <= n
            && Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref x, i)))
            == Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref y, i))))
        {
            i += 4;
        }

        for (; i < n; i++)
        {
            var c = Unsafe.Add(ref x, i) - Unsafe.Add(ref y, i);
            if (c != 0)
            {
                return c;
            }
        }

        return a.Length - b.Length;
    }

    /// <summary>
    /// Compares the ids <paramref name="aHead"/> + <paramref name="aTail"/> and <paramref name="bHead"/> + <paramref name="bTail"/>
    /// without writing them out: ids of one rule share their head (its prefix), so then only the tails are compared.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Compare(string aHead, string aTail, string bHead, string bTail)
    {
        if (ReferenceEquals(aHead, bHead))
        {
            return Compare(aTail, bTail);
        }

        if (aTail.Length == 0 && bTail.Length == 0)
        {
            return Compare(aHead, bHead);
        }

        // The two ids character by character, each read from its head and then its tail.
        var a = aHead.AsSpan();
        var b = bHead.AsSpan();
        var aInTail = false;
        var bInTail = false;
        while (true)
        {
            var n = Math.Min(a.Length, b.Length);
            for (var i = 0; i < n; i++)
            {
                var c = a[i] - b[i];
                if (c != 0)
                {
                    return c;
                }
            }

            a = a[n..];
            b = b[n..];
            if (a.IsEmpty && !aInTail)
            {
                a = aTail.AsSpan();
                aInTail = true;
            }

            if (b.IsEmpty && !bInTail)
            {
                b = bTail.AsSpan();
                bInTail = true;
            }

            if (a.IsEmpty || b.IsEmpty)
            {
                return (a.IsEmpty && aInTail ? 0 : 1) - (b.IsEmpty && bInTail ? 0 : 1);
            }
        }
    }
}
