using Compensation.Rules.Domain;
using Compensation.Rules.Facts;

namespace Compensation.Rules.Facts.Input;

/// <summary>
/// Anyone paid from the service fund. External staff (外聘) are paid <see cref="AgreementAmount"/>
/// per their signed agreement instead of per lesson.
/// </summary>
public sealed record StaffMember(string StaffId, string Name, string EmployeeNo, string Role, bool External, Money? AgreementAmount) : IStaffFact
{
    public string Id => "staff:" + StaffId;
}
