using Compensation.Rules.Domain;
using Compensation.Rules.Facts;

namespace Compensation.Rules.Facts.Input;

/// <summary>A fiscal subsidy (财政补贴) received for the service.</summary>
public sealed record SubsidyReceipt(string SubsidyId, DateOnly Date, Money Amount, string Source) : IFact
{
    public string Id => "subsidy:" + SubsidyId;
}
