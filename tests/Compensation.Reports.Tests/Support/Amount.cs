using System.Globalization;
using Compensation.Rules.Domain;

namespace Compensation.Reports.Tests.Support;

/// <summary>The documents' way of writing amounts, written out independently of the code under test.</summary>
public static class Amount
{
    public static string Of(Money m) => Of(m.Yuan);

    public static string Of(decimal yuan) => yuan == 0m ? "0.00" : yuan.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Less(Money m) => Of(-m.Yuan);
}
