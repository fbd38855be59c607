namespace Compensation.Rules.RuleSets.Ledger;

internal static class ExpenseNames
{
    public static (string Zh, string En) Of(string category) => category switch
    {
        "consumables" => ("消耗品购置", "Consumables"),
        "venue" => ("场地维护", "Venue upkeep"),
        "utilities" => ("水电费", "Utilities"),
        "equipment" => ("设备购置", "Equipment"),
        "training" => ("培训费", "Training"),
        "insurance" => ("保险费", "Insurance"),
        _ => ("其他支出", "Other"),
    };
}
