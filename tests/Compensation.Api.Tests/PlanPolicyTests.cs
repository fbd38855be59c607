using System.Net;
using Compensation.Api.Persistence.Entities;
using Compensation.Api.Services;
using Compensation.Rules.Policy;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Compensation.Api.Tests;

/// <summary>A stored plan version is parsed once, by the SHA-256 of its text and the readings stored with it (PlanPolicies).</summary>
public sealed class PlanPolicyTests
{
    private static readonly string Text = File.ReadAllText(Path.Combine(Service.Root, "rules-samples", "p4-001-flat-600", "policy.yaml"));

    [Fact]
    public void TheSameVersionReadTwice_IsParsedOnce_AndIsTheSamePolicy()
    {
        var policies = NewPolicies();
        var first = policies.Of(Version(1, PolicyReadings.Current));
        var second = policies.Of(Version(1, PolicyReadings.Current));
        Assert.Same(first, second);
        Assert.Equal(1, policies.Parses);
    }

    [Fact]
    public void AnotherVersionWithTheSameTextAndReadings_SharesItsPolicy()
    {
        // Versions 1 and 2 of a school uploaded with the same text under another file name (it only names the file in errors).
        var policies = NewPolicies();
        var first = policies.Of(Version(1, PolicyReadings.Current));
        var second = policies.Of(Version(2, PolicyReadings.Current));
        Assert.Same(first, second);
        Assert.Equal(1, policies.Parses);
    }

    [Fact]
    public void TheSameTextUnderEarlierReadings_IsAnotherPolicy()
    {
        // The readings are part of what the text means: a version stored before the plans' readings keeps the earlier ones.
        var policies = NewPolicies();
        var current = policies.Of(Version(1, PolicyReadings.Current));
        var earlier = policies.Of(Version(2, PolicyReadings.Earlier));
        Assert.NotSame(current, earlier);
        Assert.Equal(2, policies.Parses);
        Assert.Same(earlier, policies.Of(Version(3, PolicyReadings.Earlier)));
        Assert.Equal(2, policies.Parses);
    }

    [Fact]
    public void ARowWhoseTextChanged_UnderTheSameRecordedHash_IsReadAgain()
    {
        // The key is the SHA-256 of the text itself: a text changed behind the service (the recorded hash left as it was)
        // is another policy, whose plan title is the new one.
        var policies = NewPolicies();
        var first = policies.Of(Version(1, PolicyReadings.Current));
        var changed = Version(1, PolicyReadings.Current);
        changed.Content = changed.Content.Replace(first.Plan, "another plan", StringComparison.Ordinal);
        var second = policies.Of(changed);
        Assert.Equal("another plan", second.Plan);
        Assert.Equal(2, policies.Parses);
    }

    [Fact]
    public async Task ListingPlans_AndReadingPagesAndDocuments_DoNotParseTheStoredPlanAgain()
    {
        // The demo school's one plan version is parsed once, by the draft at start-up; the finalisation, the list of
        // versions (which shows each one's title), the committee's page and the workbook read the same policy.
        using var service = new Service(demo: true);
        var admin = service.As(Service.AdminKey);
        var policies = service.Services.GetRequiredService<PlanPolicies>();
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/schools/demo/plans")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/published/schools/demo/terms/2025-spring-sample")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/schools/demo/terms/2025-spring-sample/settlements/1/documents/workbook.xlsx")).StatusCode);
        }

        Assert.Equal(1, policies.Parses);
    }

    private static PlanPolicies NewPolicies()
    {
        var limits = new CacheLimits();
        var options = new MemoryCacheOptions();
        ServiceCache.Configure(options, limits);
        return new PlanPolicies(new ServiceCache(new MemoryCache(Options.Create(options)), Options.Create(limits)));
    }

    private static PlanVersion Version(int version, PolicyReadings readings) => new()
    {
        SchoolId = "s1",
        Version = version,
        FileName = $"plan-v{version}.yaml",
        Content = Text,
        Sha256 = Hashing.Sha256(Text),
        UploadedBy = "accountant",
        Readings = readings.ToJson(),
    };
}
