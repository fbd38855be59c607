using Compensation.Rules.Domain;
using Compensation.Rules.Facts;

namespace Compensation.Rules.Facts.Input;

/// <summary>A term-end award to a staff member, decided by the review group, paid from the reserve.</summary>
public sealed record AwardDecision(string AwardId, string StaffId, Money Amount, string Reason) : IStaffFact
{
    public string Id => "award:" + AwardId;
}
