using System.Runtime.CompilerServices;

namespace Compensation.Rules.Engine.Runtime;

/// <summary>
/// Ordinal comparison of ids, as <see cref="string.CompareOrdinal(string, string)"/> orders them, also of ids kept
/// in two parts (a rule's prefix and a key) without writing them out.
/// </summary>
internal static class Ids
{
    /// <summary>Negative when <paramref name="a"/> comes first, zero when equal, positive when <paramref name="b"/> comes first.</summary>
    public static int Compare(string a, string b) => string.CompareOrdinal(a, b);

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
            var c = a[..n].SequenceCompareTo(b[..n]);
            if (c != 0)
            {
                return c;
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
