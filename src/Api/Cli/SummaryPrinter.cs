using Compensation.Rules.Domain;
using Compensation.Rules.Settlement;

namespace Compensation.Api.Cli;

/// <summary>The terminal summary of a settlement: families, staff, ledger, findings.</summary>
public static class SummaryPrinter
{
    public static void Print(SettlementResult r, TextWriter w)
    {
        w.WriteLine($"{r.School} · {r.Plan} · {r.TermId} ({Dates.Iso(r.TermStart)} – {Dates.Iso(r.TermEnd)}, {r.ServiceDays} service days)");
        w.WriteLine();
        w.WriteLine($"Families 家庭 ({r.Families.Count})");
        var f = new TextTable("student", "days", "charged", "cap", "subsidy", "waived", "payable", "refunds", "net", "paid", "balance");
        foreach (var x in r.Families)
        {
            f.Add(x.StudentId, x.ServiceDays.ToString(System.Globalization.CultureInfo.InvariantCulture), x.Charged.ToString(), Neg(x.CapReduction), Neg(x.Subsidy), Neg(x.Waived),
                x.Payable.ToString(), Neg(x.Refunded), x.Net.ToString(), x.Paid.ToString(), x.Balance.ToString());
        }

        f.Add("total", "", Sum(r.Families.Select(x => x.Charged)), Neg(Money.Sum(r.Families.Select(x => x.CapReduction))), Neg(Money.Sum(r.Families.Select(x => x.Subsidy))),
            Neg(Money.Sum(r.Families.Select(x => x.Waived))), Sum(r.Families.Select(x => x.Payable)), Neg(Money.Sum(r.Families.Select(x => x.Refunded))),
            Sum(r.Families.Select(x => x.Net)), Sum(r.Families.Select(x => x.Paid)), Sum(r.Families.Select(x => x.Balance)));
        f.Write(w);
        w.WriteLine();
        w.WriteLine($"Staff 教职工 ({r.Staff.Count})");
        var s = new TextTable("staff", "name", "lessons", "lesson pay", "stipends", "external", "awards", "deductions", "net");
        foreach (var x in r.Staff)
        {
            s.Add(x.StaffId, x.Name, x.Lessons.ToString(System.Globalization.CultureInfo.InvariantCulture), x.LessonPay.ToString(), x.Stipends.ToString(), x.ExternalPay.ToString(),
                x.Awards.ToString(), Neg(x.Deductions), x.Net.ToString());
        }

        s.Add("total", "", "", Sum(r.Staff.Select(x => x.LessonPay)), Sum(r.Staff.Select(x => x.Stipends)), Sum(r.Staff.Select(x => x.ExternalPay)),
            Sum(r.Staff.Select(x => x.Awards)), Neg(Money.Sum(r.Staff.Select(x => x.Deductions))), Sum(r.Staff.Select(x => x.Net)));
        s.Write(w);
        w.WriteLine();
        w.WriteLine("Ledger 收支");
        var l = new TextTable("section", "item", "amount");
        foreach (var x in r.Ledger.Income)
        {
            l.Add("income 收入", x.Name.Zh, x.Amount.ToString());
        }

        foreach (var x in r.Ledger.Refunds)
        {
            l.Add("refunds 退费", x.Name.Zh, x.Amount.ToString());
        }

        foreach (var x in r.Ledger.Expenditure)
        {
            l.Add("spending 支出", x.Name.Zh, x.Amount.ToString());
        }

        l.Add("balance 结余", "before surplus 清退前", r.Ledger.BalanceBeforeSurplus.ToString());
        l.Add("", "surplus refunded 结余清退", r.Ledger.SurplusRefunded.ToString());
        l.Add("", "subsidy part returned 补贴部分退还", r.Ledger.SubsidyReturned.ToString());
        l.Add("", "carried forward 结转", r.Ledger.CarriedForward.ToString());
        l.Add("", "balance 期末结余", r.Ledger.Balance.ToString());
        l.Write(w);
        w.WriteLine();
        w.WriteLine($"Findings 提示 ({r.Findings.Count})");
        foreach (var x in r.Findings)
        {
            w.WriteLine($"  [{x.Severity.ToString().ToLowerInvariant()}] {x.Code} {x.Subject}: {x.Message.Zh} / {x.Message.En}" + (x.Clause.Length == 0 ? "" : $" ({x.Clause})"));
        }
    }

    private static string Neg(Money m) => m.IsZero ? "0.00" : (-m).ToString();

    private static string Sum(IEnumerable<Money> m) => Money.Sum(m).ToString();
}
