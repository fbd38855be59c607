using Compensation.Rules.Facts;

namespace Compensation.Rules.Facts.Input;

/// <summary>
/// A duty on the roster: guard, duty-leader, support, admin-duty (one per day) or
/// break-supervision (<see cref="Count"/> breaks supervised that day).
/// </summary>
public sealed record DutyShift(string DutyId, string StaffId, DateOnly Date, string Duty, int Count) : IStaffFact
{
    public static readonly IReadOnlyList<string> Duties = ["guard", "duty-leader", "support", "admin-duty", "break-supervision"];

    public string Id => "duty:" + DutyId;
}
