using System.Globalization;
using System.Net;

namespace Heliodesk.Bench;

/// <summary>Command-line options, parsed by hand (System.CommandLine is not a dependency we take).</summary>
internal sealed class Options
{
    public const string Usage = """
        Heliodesk.Bench - load-test a Heliodesk server on this machine (loopback only).

        Usage:
          Heliodesk.Bench --url http://127.0.0.1:PORT [options]
          Heliodesk.Bench --start-server PATH/Heliodesk.dll [options]

        Target (exactly one):
          --url URL                 Drive an already-running server. Host must be loopback
                                    (127.0.0.0/8, localhost or [::1]).
          --start-server DLL        Start `dotnet DLL --urls http://127.0.0.1:<free port>
                                    --data-dir DIR --no-demo` as a child process, wait for
                                    /health, stop it at the end.

        Server options:
          --data-dir DIR            Server data dir and home of the bench state file
                                    (heliodesk-bench.json: bootstrap token, workspace, owner
                                    token, team ids, ticket count). Reuse it to skip setup and
                                    keep a seeded database. Default: a new temp dir, removed
                                    at exit.
          --connection-string CS    With --start-server: PostgreSQL connection string, passed
                                    as env ConnectionStrings__Heliodesk.
          --server-pid PID          With --url: sample this process's RSS (VmRSS).
          --bootstrap-token TOKEN   With --url: instance-admin token used to create the
                                    workspace (default: env HELIODESK_BOOTSTRAP_TOKEN).

        Scenarios:
          --scenario LIST           create | seed | bulk-seed | list | ui | all, or a comma
                                    list such as bulk-seed,list (default: all = create,list).
                                    bulk-seed writes --tickets rows straight into the
                                    database (one INSERT) instead of through the API.
                                    ui drives /usr/bin/chromium (Playwright): the inbox
                                    interactive (first, cold, warm) and arrivals in an
                                    open view; see docs/benchmarks.md.
          --count N                 Measured requests for create (20000) and list (2000);
                                    runs of each ui measurement (20).
          --concurrency C           In-flight requests (create 16, seed 16, list 4).
          --warmup N                Unmeasured requests first (create 500, list 100).
          --tickets N               seed: total tickets wanted in the workspace (1000000).
          --max-seconds S           Wall-clock budget for the whole run (1200); scenarios
                                    stop when it is spent and report what they have.

        Output:
          --json FILE               Append one JSON object per scenario (JSON Lines).
                                    Latency is request start to full response body, exact
                                    nearest-rank percentiles over requests that got an HTTP
                                    answer; connection failures/timeouts count as errors.
          -h, --help                Show this help.

        Exit codes: 0 ok, 1 setup failed, 2 bad arguments, 3 some requests failed,
        130 cancelled (Ctrl+C or SIGTERM; results so far are still reported and a
        started server is stopped).
        """;

    public Uri? Url { get; private set; }
    public string? StartServerDll { get; private set; }
    public string? DataDir { get; private set; }
    public string? ConnectionString { get; private set; }
    public int? ServerPid { get; private set; }
    public string? BootstrapToken { get; private set; }
    public IReadOnlyList<string> Scenarios { get; private set; } = ["create", "list"];
    public int? Count { get; private set; }
    public int? Concurrency { get; private set; }
    public int? Warmup { get; private set; }
    public int Tickets { get; private set; } = 1_000_000;
    public int MaxSeconds { get; private set; } = 1200;
    public string? JsonFile { get; private set; }
    public bool ShowHelp { get; private set; }

    /// <summary>Parses args; throws <see cref="ArgumentException"/> with a user-facing message.</summary>
    public static Options Parse(IReadOnlyList<string> args)
    {
        var options = new Options();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = SplitArgument(args[i]);
            if (name is "-h" or "--help")
            {
                options.ShowHelp = true;
                continue;
            }

            // Every other option takes a value, as "--name value" or "--name=value".
            string Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue;
                }
                if (i + 1 >= args.Count)
                {
                    throw new ArgumentException($"{name} needs a value.");
                }
                return args[++i];
            }

            switch (name)
            {
                case "--url": options.Url = ParseLoopbackUrl(Value()); break;
                case "--start-server": options.StartServerDll = Value(); break;
                case "--data-dir": options.DataDir = Value(); break;
                case "--connection-string": options.ConnectionString = Value(); break;
                case "--server-pid": options.ServerPid = ParseInt(name, Value(), 1); break;
                case "--bootstrap-token": options.BootstrapToken = Value(); break;
                case "--scenario": options.Scenarios = ParseScenarios(Value()); break;
                case "--count": options.Count = ParseInt(name, Value(), 1); break;
                case "--concurrency": options.Concurrency = ParseInt(name, Value(), 1, 1024); break;
                case "--warmup": options.Warmup = ParseInt(name, Value(), 0); break;
                case "--tickets": options.Tickets = ParseInt(name, Value(), 0); break;
                case "--max-seconds": options.MaxSeconds = ParseInt(name, Value(), 1); break;
                case "--json": options.JsonFile = Value(); break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        if (!options.ShowHelp)
        {
            options.Validate();
        }
        return options;
    }

    /// <summary>
    /// This tool only ever targets the local machine: load traffic aimed anywhere else is
    /// never intended, so anything but a literal loopback address or "localhost" is refused.
    /// </summary>
    public static Uri ParseLoopbackUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"--url '{text}' is not an absolute http(s) URL.");
        }
        if (!IsLoopbackHost(uri.Host))
        {
            throw new ArgumentException($"--url host '{uri.Host}' is not loopback; only 127.0.0.0/8, localhost and [::1] are allowed.");
        }
        // Keep only scheme://host:port/ so request paths resolve from the root.
        return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
    }

    public static bool IsLoopbackHost(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (!IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            return false; // Other names could resolve anywhere; we do not resolve them.
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        return IPAddress.IsLoopback(address);
    }

    private void Validate()
    {
        if ((Url is null) == (StartServerDll is null))
        {
            throw new ArgumentException("Give exactly one of --url or --start-server.");
        }
        if (StartServerDll is not null && !File.Exists(StartServerDll))
        {
            throw new ArgumentException($"--start-server: file '{StartServerDll}' does not exist.");
        }
        if (StartServerDll is not null && ServerPid is not null)
        {
            throw new ArgumentException("--server-pid is only for --url; a started server is sampled automatically.");
        }
        if (Url is not null && ConnectionString is not null)
        {
            throw new ArgumentException("--connection-string is only used with --start-server.");
        }
    }

    private static (string Name, string? Value) SplitArgument(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 2
            ? (arg[..equals], arg[(equals + 1)..])
            : (arg, null);
    }

    private static int ParseInt(string name, string text, int min, int max = int.MaxValue)
    {
        // Accept "1_000_000" and "1,000,000" since big counts are easier to read that way.
        var cleaned = text.Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        if (!int.TryParse(cleaned, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ArgumentException($"{name} must be an integer between {min} and {max}, got '{text}'.");
        }
        return value;
    }

    private static string[] ParseScenarios(string text)
    {
        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(n => n == "all" ? new[] { "create", "list" } : [n])
            .ToArray();
        var unknown = names.FirstOrDefault(n => n is not ("create" or "seed" or "bulk-seed" or "list" or "ui"));
        if (names.Length == 0 || unknown is not null)
        {
            throw new ArgumentException($"--scenario '{text}': expected create, seed, bulk-seed, list, ui, all or a comma list of them.");
        }
        return names;
    }
}
