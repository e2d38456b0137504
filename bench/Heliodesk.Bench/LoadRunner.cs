using System.Diagnostics;

namespace Heliodesk.Bench;

/// <summary>What one request produced: HTTP status (0 = no response, -1 = unusable 2xx body) and, for lists, item count.</summary>
internal readonly record struct RequestOutcome(int Status, int Items = 0, string? Error = null)
{
    public bool IsSuccess => Status is >= 200 and < 300;
}

/// <summary>A point in time (Stopwatch ticks) after which no new request is started.</summary>
internal readonly record struct Deadline(long Timestamp)
{
    public static Deadline After(TimeSpan span, long from) => new(from + (long)(span.TotalSeconds * Stopwatch.Frequency));
    public bool HasPassed => Stopwatch.GetTimestamp() >= Timestamp;
    public TimeSpan Remaining => HasPassed ? TimeSpan.Zero : Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), Timestamp);
}

internal sealed record Progress(int Completed, int Planned, int Errors, TimeSpan Elapsed, double RecentPerSecond);

internal sealed record RunOutcome(
    int Planned, int Completed, int Errors, long TotalItems, TimeSpan Elapsed,
    List<double> LatenciesMs, Dictionary<string, int> StatusCounts, string? FirstError, string? StoppedEarly);

/// <summary>
/// Closed-loop load generator: <c>concurrency</c> workers each run one request at a time,
/// pulling the next index from a shared counter, until <c>count</c> requests are done, the
/// deadline passes, the run is cancelled, or errors dominate. Closed-loop keeps the number
/// of in-flight requests fixed, which is what "concurrency C" means in the report.
/// </summary>
internal static class LoadRunner
{
    // Give up once at least this many requests failed and they are the majority: a server
    // answering 4xx/5xx to everything should not be hammered a million times.
    private const int AbortMinErrors = 1000;

    public static async Task<RunOutcome> RunAsync(
        int count, int concurrency, Func<int, CancellationToken, Task<RequestOutcome>> request,
        Deadline deadline, Action<Progress>? onProgress, TimeSpan progressEvery, CancellationToken ct)
    {
        var next = -1;
        var completed = 0;
        var errors = 0;
        long items = 0;
        string? firstError = null;
        string? stopReason = null;
        var started = Stopwatch.GetTimestamp();

        async Task<(List<double> Latencies, Dictionary<string, int> Statuses)> WorkerAsync()
        {
            var latencies = new List<double>(Math.Min(count / concurrency + 1, 1 << 20));
            var statuses = new Dictionary<string, int>();
            while (Volatile.Read(ref stopReason) is null)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= count)
                {
                    break;
                }
                if (deadline.HasPassed || ct.IsCancellationRequested)
                {
                    Interlocked.CompareExchange(ref stopReason, ct.IsCancellationRequested ? "cancelled" : "max-seconds reached", null);
                    break;
                }

                var t0 = Stopwatch.GetTimestamp();
                RequestOutcome outcome;
                try
                {
                    outcome = await request(index, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    // Aborted by Ctrl+C/SIGTERM mid-request: neither a success nor a server error.
                    Interlocked.CompareExchange(ref stopReason, "cancelled", null);
                    break;
                }
                catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
                {
                    // OperationCanceledException without our token = HttpClient timeout.
                    // The inner exception carries the useful part ("Connection refused").
                    outcome = new RequestOutcome(0, Error: $"{ex.GetType().Name}: {ex.InnerException?.Message ?? ex.Message}");
                }
                // Latency describes server answers (any status). Connection failures and
                // timeouts have no meaningful latency, and a dead server's instant "refused"
                // would drag p50 down; they are counted as errors only.
                if (outcome.Status != 0)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                }

                var key = outcome.Status switch
                {
                    0 => "no-response",
                    < 0 => "bad-body",
                    _ => outcome.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
                };
                statuses[key] = statuses.GetValueOrDefault(key) + 1;
                Interlocked.Add(ref items, outcome.Items);
                var done = Interlocked.Increment(ref completed);
                if (!outcome.IsSuccess)
                {
                    Interlocked.CompareExchange(ref firstError, outcome.Error ?? $"HTTP {outcome.Status}", null);
                    var failed = Interlocked.Increment(ref errors);
                    if (failed >= AbortMinErrors && failed * 2 > done)
                    {
                        Interlocked.CompareExchange(ref stopReason, "too many errors", null);
                    }
                }
            }
            return (latencies, statuses);
        }

        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkerAsync)).ToArray();
        var all = Task.WhenAll(workers);
        if (onProgress is not null)
        {
            await ReportProgressAsync(all, () => (Volatile.Read(ref completed), Volatile.Read(ref errors)), count, started, progressEvery, onProgress).ConfigureAwait(false);
        }
        var results = await all.ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);

        var latenciesMs = new List<double>(completed);
        var statusCounts = new Dictionary<string, int>();
        foreach (var (latencies, statuses) in results)
        {
            latenciesMs.AddRange(latencies);
            foreach (var (status, n) in statuses)
            {
                statusCounts[status] = statusCounts.GetValueOrDefault(status) + n;
            }
        }
        return new RunOutcome(count, completed, errors, items, elapsed, latenciesMs, statusCounts, firstError, stopReason);
    }

    private static async Task ReportProgressAsync(
        Task workers, Func<(int Completed, int Errors)> read, int planned, long started, TimeSpan every, Action<Progress> onProgress)
    {
        using var timer = new PeriodicTimer(every);
        var previous = 0;
        var previousAt = started;
        while (!workers.IsCompleted)
        {
            // Wake on whichever comes first: the next tick or the workers finishing.
            var tick = timer.WaitForNextTickAsync().AsTask();
            if (await Task.WhenAny(tick, workers).ConfigureAwait(false) == workers)
            {
                break;
            }
            var (done, errors) = read();
            var now = Stopwatch.GetTimestamp();
            var recent = (done - previous) / Stopwatch.GetElapsedTime(previousAt, now).TotalSeconds;
            (previous, previousAt) = (done, now);
            onProgress(new Progress(done, planned, errors, Stopwatch.GetElapsedTime(started, now), recent));
        }
    }
}
