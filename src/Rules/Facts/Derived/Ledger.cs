using Compensation.Rules.Domain;
using Compensation.Rules.Facts;

namespace Compensation.Rules.Facts.Derived;

public enum LedgerSection
{
    Income,
    Refund,
    Expenditure,
}

/// <summary>A line of the fund's account: income by source, refunds by kind, spending by category.</summary>
public sealed record LedgerEntry(int Order, LedgerSection Section, string Category, Bilingual Name, Money Amount) : DerivedFact;

/// <summary>The fund's balance at term end and what happens to it.</summary>
public sealed record FundBalance(Money Income, Money Refunds, Money Expenditure, Money Balance, Money CashReceived) : DerivedFact;

/// <summary>Something the accountant or the committee must look at: a breach of the plan or a doubtful input.</summary>
public sealed record FindingFact(string Code, Domain.Severity Severity, string Subject, Bilingual Message) : DerivedFact;
