using Compensation.Rules.Domain;
using Compensation.Rules.Settlement;

namespace Compensation.Testing;

public static partial class ReferenceSettlement
{
    /// <summary>Every place where the engine's settlement and the reference differ, as readable lines (empty: they agree to the fen).</summary>
    public static List<string> Differences(SettlementResult engine, ReferenceResult reference, int max = 50)
    {
        var diffs = new List<string>();
        void Check<T>(string where, string what, T actual, T expected)
        {
            if (!EqualityComparer<T>.Default.Equals(actual, expected) && diffs.Count < max)
            {
                diffs.Add($"{where} {what}: engine {actual}, reference {expected}");
            }
        }

        Check("families", "count", engine.Families.Count, reference.Families.Count);
        var refFamilies = reference.Families.ToDictionary(f => f.StudentId, StringComparer.Ordinal);
        foreach (var f in engine.Families)
        {
            if (!refFamilies.TryGetValue(f.StudentId, out var r))
            {
                diffs.Add($"family {f.StudentId}: not in the reference");
                continue;
            }

            var w = "family " + f.StudentId;
            Check(w, "ServiceDays (D)", f.ServiceDays, r.ServiceDays);
            Check(w, "Charged", f.Charged, r.Charged);
            Check(w, "CapReduction", f.CapReduction, r.CapReduction);
            Check(w, "Subsidy", f.Subsidy, r.Subsidy);
            Check(w, "Waived", f.Waived, r.Waived);
            Check(w, "Payable", f.Payable, r.Payable);
            Check(w, "absence refunds", Money.Sum(f.Refunds.Where(x => x.Kind == RefundKind.Absence).Select(x => x.Amount)), r.AbsenceRefunds);
            Check(w, "absence runs", f.Refunds.Count(x => x.Kind == RefundKind.Absence), r.AbsenceRuns);
            Check(w, "withdrawal refund", Money.Sum(f.Refunds.Where(x => x.Kind == RefundKind.Withdrawal).Select(x => x.Amount)), r.WithdrawalRefund);
            Check(w, "surplus refund", Money.Sum(f.Refunds.Where(x => x.Kind == RefundKind.Surplus).Select(x => x.Amount)), r.SurplusRefund);
            Check(w, "Refunded", f.Refunded, r.Refunded);
            Check(w, "Net", f.Net, r.Net);
            Check(w, "Paid", f.Paid, r.Paid);
            Check(w, "Balance", f.Balance, r.Balance);
        }

        Check("staff", "count", engine.Staff.Count, reference.Staff.Count);
        var refStaff = reference.Staff.ToDictionary(s => s.StaffId, StringComparer.Ordinal);
        foreach (var s in engine.Staff)
        {
            if (!refStaff.TryGetValue(s.StaffId, out var r))
            {
                diffs.Add($"staff {s.StaffId}: not in the reference");
                continue;
            }

            var w = "staff " + s.StaffId;
            Check(w, "months", string.Join(",", s.Months.Select(m => m.Month)), string.Join(",", r.Months.Select(m => m.Month)));
            foreach (var m in s.Months)
            {
                var rm = r.Months.FirstOrDefault(x => x.Month == m.Month);
                if (rm is null)
                {
                    continue;
                }

                var wm = $"{w} {m.Month}";
                Check(wm, "Lessons", m.Lessons, rm.Lessons);
                Check(wm, "LessonPay", m.LessonPay, rm.LessonPay);
                Check(wm, "StipendTotal", m.StipendTotal, rm.Stipends);
                Check(wm, "DeductionBase", m.DeductionBase, rm.DeductionBase);
                Check(wm, "deductions before the cap", Money.Sum(m.Deductions.Select(d => d.Amount)), rm.DeductionsRaw);
                Check(wm, "DeductionTotal", m.DeductionTotal, rm.DeductionTotal);
                Check(wm, "Gross", m.Gross, rm.Gross);
                Check(wm, "Net", m.Net, rm.Net);
            }

            Check(w, "Lessons", s.Lessons, r.Lessons);
            Check(w, "LessonPay", s.LessonPay, r.LessonPay);
            Check(w, "Stipends", s.Stipends, r.Stipends);
            Check(w, "ExternalPay", s.ExternalPay, r.ExternalPay);
            Check(w, "Awards", s.Awards, r.Awards);
            Check(w, "Gross", s.Gross, r.Gross);
            Check(w, "Deductions", s.Deductions, r.Deductions);
            Check(w, "Net", s.Net, r.Net);
        }

        var l = engine.Ledger;
        var rl = reference.Ledger;
        Money Line(IReadOnlyList<LedgerLine> lines, string category) => Money.Sum(lines.Where(x => x.Category == category).Select(x => x.Amount));
        Check("ledger", "income fees", Line(l.Income, "fees"), rl.Fees);
        Check("ledger", "income subsidies", Line(l.Income, "subsidies"), rl.Subsidies);
        Check("ledger", "refunds absence", Line(l.Refunds, "absence"), rl.AbsenceRefunds);
        Check("ledger", "refunds withdrawal", Line(l.Refunds, "withdrawal"), rl.WithdrawalRefunds);
        Check("ledger", "lesson-pay", Line(l.Expenditure, "lesson-pay"), rl.LessonPay);
        Check("ledger", "stipends", Line(l.Expenditure, "stipends"), rl.Stipends);
        Check("ledger", "admin-duty", Line(l.Expenditure, "admin-duty"), rl.AdminDuty);
        Check("ledger", "external-staff", Line(l.Expenditure, "external-staff"), rl.ExternalStaff);
        Check("ledger", "awards", Line(l.Expenditure, "awards"), rl.Awards);
        Check("ledger", "deductions", Line(l.Expenditure, "deductions"), rl.Deductions);
        foreach (var (category, amount) in rl.Expenses)
        {
            Check("ledger", "expense " + category, Line(l.Expenditure, category), amount);
        }

        Check("ledger", "TotalIncome", l.TotalIncome, rl.TotalIncome);
        Check("ledger", "TotalRefunds", l.TotalRefunds, rl.TotalRefunds);
        Check("ledger", "TotalExpenditure", l.TotalExpenditure, rl.TotalExpenditure);
        Check("ledger", "BalanceBeforeSurplus", l.BalanceBeforeSurplus, rl.BalanceBeforeSurplus);
        Check("ledger", "SurplusRefunded", l.SurplusRefunded, rl.SurplusRefunded);
        Check("ledger", "SubsidyPart", l.SubsidyPart, rl.SubsidyPart);
        Check("ledger", "SubsidyReturned", l.SubsidyReturned, rl.SubsidyReturned);
        Check("ledger", "CarriedForward", l.CarriedForward, rl.CarriedForward);
        Check("ledger", "Balance", l.Balance, rl.Balance);
        Check("ledger", "CashReceived", l.CashReceived, rl.CashReceived);
        return diffs;
    }
}
