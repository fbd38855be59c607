using Compensation.Rules.Domain;
using Compensation.Rules.Facts;

namespace Compensation.Rules.Facts.Input;

/// <summary>Money spent from the fund other than staff pay.</summary>
public sealed record Expense(string ExpenseId, DateOnly Date, string Category, Money Amount, string Payee, string Note) : IFact
{
    public static readonly IReadOnlyList<string> Categories = ["consumables", "venue", "utilities", "equipment", "training", "insurance", "other"];

    public string Id => "expense:" + ExpenseId;
}
