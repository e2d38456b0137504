namespace Heliodesk.Hosting;

/// <summary>
/// The command line and environment names the README promises (`--data-dir`, `--no-demo`,
/// HELIODESK_DATA_DIR, HELIODESK_BOOTSTRAP_TOKEN), mapped onto ordinary configuration keys so
/// everything else reads one options class. The command line wins over the environment.
/// </summary>
public static class StartupArguments
{
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var noDemo = args.Contains("--no-demo", StringComparer.Ordinal);
        var rest = args.Where(a => a != "--no-demo").ToArray();
        // appsettings.json ships beside the binary; without this it is looked for in whatever
        // directory the process was started from, and silently missed.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = rest, ContentRootPath = AppContext.BaseDirectory });

        var fromEnvironment = new Dictionary<string, string?>
        {
            [$"{HeliodeskOptions.Section}:DataDir"] = Environment.GetEnvironmentVariable("HELIODESK_DATA_DIR"),
            [$"{HeliodeskOptions.Section}:BootstrapToken"] = Environment.GetEnvironmentVariable("HELIODESK_BOOTSTRAP_TOKEN"),
        };
        builder.Configuration.AddInMemoryCollection(fromEnvironment.Where(p => !string.IsNullOrEmpty(p.Value)));
        builder.Configuration.AddCommandLine(rest, new Dictionary<string, string>
        {
            ["--data-dir"] = $"{HeliodeskOptions.Section}:DataDir",
        });
        if (noDemo)
        {
            builder.Configuration[$"{HeliodeskOptions.Section}:Demo"] = "false";
        }
        return builder;
    }
}
