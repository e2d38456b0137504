using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Heliodesk.Bench;

/// <summary>
/// A Heliodesk server started by the bench as a child process, bound to loopback on a free
/// port. Its stdout/stderr go to DATA_DIR/server.log (kept out of the bench's own output, and
/// drained continuously so a chatty server can never block on a full pipe).
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logGate = new();
    private bool _logClosed;

    private ServerProcess(Process process, StreamWriter log, Uri baseUrl, string logPath)
    {
        _process = process;
        _log = log;
        BaseUrl = baseUrl;
        LogPath = logPath;
    }

    public Uri BaseUrl { get; }
    public string LogPath { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;

    public static ServerProcess Start(string dllPath, string dataDir, string bootstrapToken, string? connectionString)
    {
        var port = FindFreeLoopbackPort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(dllPath))!,
        };
        foreach (var arg in new[] { Path.GetFullPath(dllPath), "--urls", $"http://127.0.0.1:{port}", "--data-dir", dataDir, "--no-demo" })
        {
            startInfo.ArgumentList.Add(arg);
        }
        startInfo.Environment["HELIODESK_BOOTSTRAP_TOKEN"] = bootstrapToken;
        // Benchmark the production configuration, not Development (no developer exception page etc.).
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Production";
        if (connectionString is not null)
        {
            startInfo.Environment["ConnectionStrings__Heliodesk"] = connectionString;
        }

        var logPath = Path.Combine(dataDir, "server.log");
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = startInfo };
        var server = new ServerProcess(process, log, baseUrl, logPath);
        process.OutputDataReceived += (_, e) => server.WriteLog(e.Data);
        process.ErrorDataReceived += (_, e) => server.WriteLog(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException("Could not start 'dotnet'.");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>
    /// Asks the OS for a free port by binding port 0, then releases it for the server. There is
    /// a small window where another process could take it; if so the server fails to bind and
    /// we report that with the log tail rather than guessing.
    /// </summary>
    public static int FindFreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public string LogTail(int lines = 30)
    {
        if (_process.HasExited)
        {
            // The parameterless overload also waits until redirected output is fully drained,
            // so the tail includes the server's last words (typically the startup exception).
            _process.WaitForExit();
        }
        lock (_logGate)
        {
            if (!_logClosed)
            {
                _log.Flush();
            }
        }
        try
        {
            using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException ex)
        {
            return $"(could not read {LogPath}: {ex.Message})";
        }
    }

    /// <summary>
    /// Stops the server: SIGTERM first so it can shut down cleanly (and leave a reusable
    /// database), then a hard kill of its process tree if it has not exited within 15 s.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            TrySignalTerm(_process.Id);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine($"Server pid {_process.Id} ignored SIGTERM for 15 s; killing it.");
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        lock (_logGate)
        {
            _logClosed = true;
            _log.Dispose();
        }
        _process.Dispose();
    }

    private static void TrySignalTerm(int pid)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // No SIGTERM there; the hard kill after the grace period applies.
        }
        // /bin/kill avoids P/Invoke; it targets exactly the one pid we started.
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
        });
        kill?.WaitForExit(5000);
    }

    private void WriteLog(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_logGate)
        {
            if (!_logClosed)
            {
                _log.WriteLine(line);
            }
        }
    }
}
