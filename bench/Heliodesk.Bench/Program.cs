using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Heliodesk.Bench;

internal static class Program
{
    private const string BootstrapTokenVariable = "HELIODESK_BOOTSTRAP_TOKEN";

    private static async Task<int> Main(string[] args)
    {
        // Stable number formatting (decimal points, separators) whatever the machine's locale.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var runStarted = Stopwatch.GetTimestamp();

        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}\nRun with --help for usage.").ConfigureAwait(false);
            return 2;
        }
        if (options.ShowHelp)
        {
            Console.WriteLine(Options.Usage);
            return 0;
        }

        // Ctrl+C and SIGTERM (e.g. a CI timeout) cancel instead of killing us outright: we still
        // have to report, and a server we started must not be left running as an orphan.
        using var cancel = new CancellationTokenSource();
        void OnSignal(PosixSignalContext signal)
        {
            signal.Cancel = true;
            if (!cancel.IsCancellationRequested)
            {
                Console.Error.WriteLine($"{signal.Signal}: cancelling, finishing in-flight requests...");
                cancel.Cancel();
            }
        }
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

        var deadline = Deadline.After(TimeSpan.FromSeconds(options.MaxSeconds), runStarted);
        var (dataDir, isTempDir) = ResolveDataDir(options.DataDir);
        var store = new StateStore(dataDir);
        var exitCode = 1;
        ServerProcess? server = null;
        RssSampler? rss = null;
        Uri? baseUrl = null;
        Console.WriteLine($"Heliodesk.Bench: scenarios {string.Join(',', options.Scenarios)}, data dir {dataDir}, budget {options.MaxSeconds} s.");
        try
        {
            var state = store.Load();
            string? bootstrapToken;
            if (options.StartServerDll is not null)
            {
                // The server adopts the bootstrap token only on first start, so a reused data
                // dir must be restarted with the token it was first given: keep it in the state.
                state.BootstrapToken ??= RandomNumberGenerator.GetHexString(48, lowercase: true);
                store.Save(state);
                bootstrapToken = state.BootstrapToken;
                server = ServerProcess.Start(options.StartServerDll, dataDir, bootstrapToken, options.ConnectionString);
                baseUrl = server.BaseUrl;
                Console.WriteLine($"Started server pid {server.Pid} at {baseUrl} (log: {server.LogPath}).");
            }
            else
            {
                baseUrl = options.Url!;
                bootstrapToken = options.BootstrapToken ?? Environment.GetEnvironmentVariable(BootstrapTokenVariable) ?? state.BootstrapToken;
            }
            var serverPid = server?.Pid ?? options.ServerPid;
            rss = serverPid is int pid ? new RssSampler(pid) : null;

            var maxConcurrency = options.Concurrency ?? options.Scenarios.Max(Scenarios.DefaultConcurrency);
            using var api = HeliodeskApi.Create(baseUrl, maxConcurrency);
            // A fresh server may migrate a database first; an existing one should already answer.
            var healthTimeout = TimeSpan.FromSeconds(server is null ? 10 : 120);
            healthTimeout = healthTimeout < deadline.Remaining ? healthTimeout : deadline.Remaining;
            if (!await api.WaitForHealthAsync(healthTimeout, () => server?.HasExited ?? false, cancel.Token).ConfigureAwait(false))
            {
                await Console.Error.WriteLineAsync(server?.ExitCode is int code
                    ? $"error: the server exited with code {code} before {baseUrl}health answered."
                    : $"error: {baseUrl}health did not answer 200 within {healthTimeout.TotalSeconds:F0} s.").ConfigureAwait(false);
                if (server is not null)
                {
                    await Console.Error.WriteLineAsync($"Last lines of {server.LogPath}:\n{server.LogTail()}").ConfigureAwait(false);
                }
                return exitCode;
            }

            await WorkspaceSetup.EnsureAsync(api, store, state, bootstrapToken, cancel.Token).ConfigureAwait(false);
            var context = new BenchContext(api, store, state, options, deadline, rss, cancel.Token);
            var scenarios = new Scenarios(context);
            var anyErrors = false;
            foreach (var name in options.Scenarios)
            {
                if (cancel.IsCancellationRequested)
                {
                    break;
                }
                rss?.ResetWindow();
                // The ui scenario reports several measurements (inbox first/cold/warm, arrivals).
                var results = name == "ui"
                    ? await new UiScenario(context).RunAsync().ConfigureAwait(false)
                    : [await scenarios.RunAsync(name).ConfigureAwait(false)];
                foreach (var result in results)
                {
                    Report.Print(result);
                    Report.AppendJson(options.JsonFile, result, BenchJson.Default.ScenarioResult);
                    anyErrors |= result.Errors > 0;
                }
            }
            exitCode = cancel.IsCancellationRequested ? 130 : anyErrors ? 3 : 0;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Cancelled.").ConfigureAwait(false);
            exitCode = 130;
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or IOException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
        }
        finally
        {
            await FinishAsync(options, server, rss, baseUrl).ConfigureAwait(false);
            // A throwaway data dir is useless after a good run; if a server we started failed,
            // keep it so its server.log can be read.
            if (isTempDir && exitCode == 1 && server is not null)
            {
                Console.Error.WriteLine($"Kept {dataDir} for inspection.");
            }
            else if (isTempDir)
            {
                TryDeleteDirectory(dataDir);
            }
        }
        return exitCode;
    }

    /// <summary>Final RSS must be read while the server is still up; only then stop it.</summary>
    private static async Task FinishAsync(Options options, ServerProcess? server, RssSampler? rss, Uri? baseUrl)
    {
        if (rss is not null)
        {
            rss.Sample();
            var summary = new RunSummary("memory", DateTimeOffset.UtcNow, baseUrl?.ToString() ?? "", rss.Pid,
                rss.PeakMb, rss.LastMb, rss.ReadHighWaterMarkMb(), rss.Samples);
            await rss.DisposeAsync().ConfigureAwait(false);
            Report.PrintMemory(summary);
            Report.AppendJson(options.JsonFile, summary, BenchJson.Default.RunSummary);
        }
        if (server is not null)
        {
            var pid = server.Pid; // Process is disposed with the server; read the id first.
            await server.DisposeAsync().ConfigureAwait(false);
            Console.WriteLine($"Stopped server pid {pid}.");
        }
    }

    private static (string Path, bool IsTemp) ResolveDataDir(string? requested)
    {
        if (requested is null)
        {
            return (Directory.CreateTempSubdirectory("heliodesk-bench-").FullName, true);
        }
        var full = Path.GetFullPath(requested);
        Directory.CreateDirectory(full);
        return (full, false);
    }

    private static void TryDeleteDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Could not remove {path}: {ex.Message}");
        }
    }
}
