using Compensation.Api.Cli;
using Compensation.Api.Hosting;

if (args.Length > 0 && CommandLine.IsCommand(args[0]))
{
    return CommandLine.Run(args, Console.Out, Console.Error);
}

var app = ServiceHost.Build(args.Length > 0 && args[0] == "serve" ? args[1..] : args);
await app.RunAsync();
return 0;

/// <summary>The entry point, public for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
