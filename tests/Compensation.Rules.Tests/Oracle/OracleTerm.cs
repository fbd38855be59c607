using Compensation.Rules.Tests.Generation;

namespace Compensation.Rules.Tests.Oracle;

/// <summary>A generated term of the manifest: <see cref="TermGenerator.Generate"/>'s arguments, kept as they were.</summary>
public sealed record OracleTerm(string Name, int Seed, int Students, int Staff, int Days, TermGeneratorOptions Options, string Store)
{
    public const string Gzip = "gzip";
    public const string Sha256 = "sha256";
}
