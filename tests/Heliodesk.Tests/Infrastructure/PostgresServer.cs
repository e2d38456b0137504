using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Heliodesk.Tests.Infrastructure;

/// <summary>A throwaway PostgreSQL server on 127.0.0.1 and a free port, deleted on dispose.</summary>
public sealed class PostgresServer : IAsyncDisposable
{
    // Not PATH or /usr/local/bin: a fresh Debian machine only has /usr/lib/postgresql/<major>/bin.
    private const string PostgresRoot = "/usr/lib/postgresql";
    private const int StartAttempts = 5;

    // Durability is pointless for a throwaway cluster, and turning it off makes tests much faster.
    private const string ServerSettings = "-c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
        + "-c full_page_writes=off -c max_connections=300";

    private readonly string _binDir;
    private readonly string _rootDir;
    private readonly ConcurrentDictionary<string, bool> _connectionStrings = new();
    private int _disposed;

    private PostgresServer(string binDir, string rootDir) => (_binDir, _rootDir) = (binDir, rootDir);

    public int Port { get; private set; }

    private string DataDir => Path.Combine(_rootDir, "data");

    private string LogFile => Path.Combine(_rootDir, "postgres.log");

    public static async Task<PostgresServer> StartAsync()
    {
        var server = new PostgresServer(FindBinDir(), Directory.CreateTempSubdirectory("heliodesk-pg-").FullName);
        try
        {
            // initdb and postgres refuse to run as root, and the postgres user must own its data directory.
            await RunAsync(["chown", "postgres:postgres", server._rootDir], throwOnError: true);
            // --no-sync: the cluster is thrown away, so waiting for fsync would only slow the tests down.
            await server.RunToolAsync(["initdb", "-D", server.DataDir, "--locale=C.UTF-8", "--encoding=UTF8",
                "--auth-local=trust", "--auth-host=trust", "-U", "postgres", "--no-sync"], throwOnError: true);
            for (var attempt = 1; ; attempt++)
            {
                server.Port = FreePort();
                File.Delete(server.LogFile);
                var options = string.Create(CultureInfo.InvariantCulture,
                    $"-p {server.Port} -k {server._rootDir} {ServerSettings}");
                var (exitCode, output) = await server.RunToolAsync(
                    ["pg_ctl", "-w", "-D", server.DataDir, "-l", server.LogFile, "-o", options, "start"]);
                if (exitCode == 0)
                {
                    return server;
                }

                var log = File.Exists(server.LogFile) ? await File.ReadAllTextAsync(server.LogFile) : "";
                // Another process may take the port between FreePort() and postgres binding it.
                if (attempt == StartAttempts || !log.Contains("Address already in use", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"PostgreSQL did not start: {output}\n{log}");
                }
            }
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public string ConnectionString(string database)
    {
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = database,
            Pooling = true,
            IncludeErrorDetail = true,
            // Every database has its own pool: release idle connections soon, or many together hit max_connections.
            ConnectionIdleLifetime = 10,
            ConnectionPruningInterval = 2,
        }.ConnectionString;
        _connectionStrings.TryAdd(connectionString, true);
        return connectionString;
    }

    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        name ??= "test_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        // CREATE DATABASE takes no parameters, so the name is quoted as an identifier instead.
        // FILE_COPY: the default WAL_LOG strategy is about twice as slow for a small template.
        var quotedName = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var command = new NpgsqlCommand($"CREATE DATABASE {quotedName} STRATEGY = FILE_COPY", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // A later server may get this port, and connections pooled for this one would then fail on first use.
        foreach (var connectionString in _connectionStrings.Keys)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(connection);
        }

        await StopAsync();
        if (Directory.Exists(_rootDir))
        {
            Directory.Delete(_rootDir, recursive: true);
        }
    }

    // pg_ctl daemonized postgres: nothing else stops it when the test process exits.
    private async Task StopAsync()
    {
        var pidFile = Path.Combine(DataDir, "postmaster.pid");
        if (!File.Exists(pidFile)
            || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), CultureInfo.InvariantCulture, out var pid)
            || (await RunToolAsync(["pg_ctl", "-D", DataDir, "-m", "immediate", "-w", "stop"])).ExitCode == 0)
        {
            // Stopped. Do not wait for the pid: it stays a zombie until init reaps it (about 1 s on CI machines).
            return;
        }

        try
        {
            using var postmaster = Process.GetProcessById(pid);
            if (postmaster.ProcessName == "postgres") // and not a recycled pid
            {
                postmaster.Kill(entireProcessTree: true);
                postmaster.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // It exited after all.
        }
    }

    private static string FindBinDir() =>
        (Directory.Exists(PostgresRoot) ? Directory.GetDirectories(PostgresRoot) : [])
            .Select(dir => (Bin: Path.Combine(dir, "bin"),
                Major: int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out var major) ? major : 0))
            .Where(version => version.Major > 0 && File.Exists(Path.Combine(version.Bin, "initdb")))
            .OrderByDescending(version => version.Major)
            .Select(version => version.Bin)
            .FirstOrDefault()
        ?? throw new InvalidOperationException($"No PostgreSQL under {PostgresRoot}: run ./test.sh to install it.");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task<(int ExitCode, string Output)> RunToolAsync(string[] toolAndArguments, bool throwOnError = false) =>
        RunAsync(["runuser", "-u", "postgres", "--", Path.Combine(_binDir, toolAndArguments[0]),
            .. toolAndArguments[1..]], throwOnError);

    private static async Task<(int ExitCode, string Output)> RunAsync(string[] commandLine, bool throwOnError = false)
    {
        // Working directory /: the postgres user may not be allowed into the test's current directory.
        var startInfo = new ProcessStartInfo(commandLine[0], commandLine[1..])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = $"{string.Join(' ', commandLine)} exited with {process.ExitCode}:\n{await stdout}{await stderr}";
        return throwOnError && process.ExitCode != 0
            ? throw new InvalidOperationException(output)
            : (process.ExitCode, output);
    }
}
