using Compensation.Api.Cli;
using Compensation.Api.Hosting;

if (args.Length > 0 && CommandLine.IsCommand(args[0]))
{
    return CommandLine.Run(args, Console.Out, Console.Error);
}

WebApplication app;
try
{
    app = ServiceHost.Build(args.Length > 0 && args[0] == "serve" ? args[1..] : args);
}
catch (StartupProblem e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

if (await DatabaseCheck.ProblemAsync(app.Configuration) is { } problem)
{
    Console.Error.WriteLine(problem);
    return 1;
}

await app.RunAsync();
return 0;

/// <summary>The entry point, public for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
