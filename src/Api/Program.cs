using Compensation.Api.Cli;

return CommandLine.Run(args, Console.Out, Console.Error);
