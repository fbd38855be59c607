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
}
