namespace Compensation.Api.Auth;

/// <summary>
/// admin: everything, every school. accountant: its school's plans, facts and settlements.
/// committee: its school's published accounts. hr: its school's pay feed.
/// </summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Accountant = "accountant";
    public const string Committee = "committee";
    public const string Hr = "hr";

    public static readonly IReadOnlyList<string> All = [Admin, Accountant, Committee, Hr];

    public const string SchoolClaim = "school";
}
