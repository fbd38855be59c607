using System.Runtime.InteropServices;
using Compensation.Rules.Facts;

namespace Compensation.Rules.RuleSets;

/// <summary>Reading the facts a rule matched: by kind and in id order, so no result depends on the order facts came in.</summary>
public static class FactGroups
{
    /// <summary>
    /// The facts of kind <typeparamref name="T"/> in the group, those a bundle carries (a staff member's lessons or
    /// lesson pay: <see cref="IFactBundle"/>) included, in id order.
    /// </summary>
    public static List<T> Of<T>(this IEnumerable<IFact> facts) where T : IFact
    {
        var list = FactBundles.Unpack(facts).OfType<T>().ToList();
        SortById(list);
        return list;
    }

    /// <summary>The one fact of kind <typeparamref name="T"/> in the group, or null.</summary>
    public static T? One<T>(this IEnumerable<IFact> facts) where T : class, IFact => facts.OfType<T>().SingleOrDefault();

    /// <summary>The facts in id order.</summary>
    public static List<T> InIdOrder<T>(this IEnumerable<T> facts) where T : IFact
    {
        var list = facts.ToList();
        SortById(list);
        return list;
    }

    // An input fact writes its id out each time it is read ("lesson:" + its lesson id): read once per fact, not once per comparison.
    private static void SortById<T>(List<T> list) where T : IFact
    {
        var ids = new string[list.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = list[i].Id;
        }

        ids.AsSpan().Sort(CollectionsMarshal.AsSpan(list), StringComparer.Ordinal);
    }
}
