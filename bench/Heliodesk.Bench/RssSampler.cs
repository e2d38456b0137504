using System.Globalization;

namespace Heliodesk.Bench;

/// <summary>
/// Samples a process's resident set size from /proc/PID/status (VmRSS) every 250 ms on a
/// background task. Tracks the whole-run peak, a per-scenario "window" peak, and the last
/// value. Linux only; elsewhere, or if the process is gone, it simply records nothing.
/// </summary>
internal sealed class RssSampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly string _statusPath;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Lock _gate = new();
    private long _peakKb;
    private long _windowPeakKb;
    private long _lastKb;
    private int _samples;

    public RssSampler(int pid)
    {
        Pid = pid;
        _statusPath = $"/proc/{pid}/status";
        Sample();
        _loop = Task.Run(LoopAsync);
    }

    public int Pid { get; }
    public int Samples { get { lock (_gate) { return _samples; } } }
    public double? PeakMb { get { lock (_gate) { return ToMb(_peakKb); } } }
    public double? WindowPeakMb { get { lock (_gate) { return ToMb(_windowPeakKb); } } }
    public double? LastMb { get { lock (_gate) { return ToMb(_lastKb); } } }

    /// <summary>Starts a new per-scenario window, seeded with the current RSS.</summary>
    public void ResetWindow()
    {
        Sample();
        lock (_gate)
        {
            _windowPeakKb = _lastKb;
        }
    }

    /// <summary>Takes one sample now (so "end" values are current, not up to 250 ms old).</summary>
    public void Sample()
    {
        var kb = ReadField("VmRSS:");
        if (kb is null)
        {
            return;
        }
        lock (_gate)
        {
            _lastKb = kb.Value;
            _peakKb = Math.Max(_peakKb, kb.Value);
            _windowPeakKb = Math.Max(_windowPeakKb, kb.Value);
            _samples++;
        }
    }

    /// <summary>
    /// The kernel's own high-water mark (VmHWM). It catches spikes shorter than our sampling
    /// interval, so it is a useful cross-check on the sampled peak.
    /// </summary>
    public double? ReadHighWaterMarkMb() => ToMb(ReadField("VmHWM:") ?? 0);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped by DisposeAsync.
        }
    }

    private long? ReadField(string field)
    {
        try
        {
            foreach (var line in File.ReadLines(_statusPath))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    // Format: "VmRSS:\t  123456 kB"
                    var number = line[field.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                    return long.Parse(number, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            // Process exited, /proc absent (not Linux), or not ours to read: no sample.
        }
        return null;
    }

    private static double? ToMb(long kb) => kb > 0 ? Math.Round(kb / 1024.0, 1) : null;
}
