using System.Runtime.CompilerServices;
using Compensation.Rules.Domain;
using Compensation.Rules.Facts;

namespace Compensation.Rules.Facts.Input;

/// <summary>Money a family paid towards the service fee (a term fee, or a monthly prepayment).</summary>
public sealed record FamilyPayment(string PaymentId, string StudentId, DateOnly Date, Money Amount) : IStudentFact
{
    public string Id
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        get => "payment:" + PaymentId;
    }
}
