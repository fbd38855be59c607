namespace Compensation.Rules.Facts;

/// <summary>Anything the engine matches. Ids are unique within a session and stable across runs.</summary>
public interface IFact
{
    string Id { get; }
}

/// <summary>
/// A fact about one student's family. Rules bring a family's facts of several kinds together by grouping on
/// <see cref="StudentId"/>, one group per family, rather than by joining kind to kind.
/// </summary>
public interface IStudentFact : IFact
{
    string StudentId { get; }
}

/// <summary>A fact about one staff member, grouped on <see cref="StaffId"/> as <see cref="IStudentFact"/> is on the student.</summary>
public interface IStaffFact : IFact
{
    string StaffId { get; }
}
