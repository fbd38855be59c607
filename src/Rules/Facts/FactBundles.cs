using Compensation.Rules.Facts.Derived;
using Compensation.Rules.Facts.Input;

namespace Compensation.Rules.Facts;

/// <summary>
/// Several facts of one kind about one staff member, carried into the rules' session as one fact. A term has tens of
/// thousands of lessons and as many lines of lesson pay, but every rule that reads them reads a staff member's, or the
/// whole term's: carried per staff member, they pass through the session as 150 facts instead of 58,000 (NRules
/// matches and aggregates fact by fact). A bundle is not a fact of the settlement: the run lists its members, which
/// keep their own ids and provenance, and a rule cites the members it used, never the bundle.
/// </summary>
public interface IFactBundle : IStaffFact
{
    /// <summary>The facts it carries, in id order.</summary>
    IReadOnlyList<IFact> Members { get; }
}

/// <summary>The lessons one staff member gave in the term (<see cref="LessonDelivered"/>), in id order.</summary>
public sealed record StaffLessons(string StaffId, IReadOnlyList<LessonDelivered> Lessons) : IFactBundle
{
    public string Id => "lessons:" + StaffId;

    public IReadOnlyList<IFact> Members => Lessons;
}

/// <summary>One staff member's lesson pay (<see cref="LessonPay"/>, one line per lesson), in id order.</summary>
public sealed record StaffLessonPay(string StaffId, IReadOnlyList<LessonPay> Pay) : IFactBundle
{
    public string Id => "lesson-pay:" + StaffId;

    public IReadOnlyList<IFact> Members => Pay;
}

/// <summary>How facts go into the rules' session: lessons and lesson pay per staff member, everything else as it is.</summary>
public static class FactBundles
{
    /// <summary>
    /// The facts with every staff member's lessons in one <see cref="StaffLessons"/> and their lesson pay in one
    /// <see cref="StaffLessonPay"/>; the other facts in the order given, the bundles after them in staff id order.
    /// </summary>
    public static List<object> Pack(IEnumerable<object> facts)
    {
        var packed = new List<object>();
        var lessons = new SortedDictionary<string, List<LessonDelivered>>(StringComparer.Ordinal);
        var pay = new SortedDictionary<string, List<LessonPay>>(StringComparer.Ordinal);
        foreach (var fact in facts)
        {
            switch (fact)
            {
                case LessonDelivered lesson:
                    Add(lessons, lesson.StaffId, lesson);
                    break;
                case LessonPay line:
                    Add(pay, line.StaffId, line);
                    break;
                default:
                    packed.Add(fact);
                    break;
            }
        }

        foreach (var (staff, own) in lessons)
        {
            packed.Add(new StaffLessons(staff, InIdOrder(own)));
        }

        foreach (var (staff, own) in pay)
        {
            packed.Add(new StaffLessonPay(staff, InIdOrder(own)));
        }

        return packed;
    }

    /// <summary>The facts with every bundle replaced by its members.</summary>
    public static IEnumerable<IFact> Unpack(IEnumerable<IFact> facts)
    {
        foreach (var fact in facts)
        {
            if (fact is IFactBundle bundle)
            {
                foreach (var member in bundle.Members)
                {
                    yield return member;
                }
            }
            else
            {
                yield return fact;
            }
        }
    }

    private static void Add<T>(SortedDictionary<string, List<T>> byStaff, string staff, T fact)
    {
        if (!byStaff.TryGetValue(staff, out var own))
        {
            own = [];
            byStaff.Add(staff, own);
        }

        own.Add(fact);
    }

    private static T[] InIdOrder<T>(List<T> facts) where T : IFact
    {
        var ordered = facts.ToArray();
        var ids = Array.ConvertAll(ordered, static f => f.Id);
        Array.Sort(ids, ordered, StringComparer.Ordinal);
        return ordered;
    }
}
