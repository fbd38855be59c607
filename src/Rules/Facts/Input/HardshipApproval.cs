using Compensation.Rules.Facts;

namespace Compensation.Rules.Facts.Input;

/// <summary>A school-approved hardship waiver (减免): category as the plan names it, and the share of the fee waived.</summary>
public sealed record HardshipApproval(string ApprovalId, string StudentId, string Category, decimal WaiverPercent, DateOnly ApprovedOn, string ApprovedBy) : IStudentFact
{
    public string Id => "hardship:" + ApprovalId;
}
