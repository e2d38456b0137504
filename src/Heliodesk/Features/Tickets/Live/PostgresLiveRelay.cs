using System.Threading.Channels;
using Npgsql;

namespace Heliodesk.Features.Tickets.Live;

/// <summary>
/// Carries the live feed and ticket presence between the nodes of one PostgreSQL database (ADR 0046).
/// Every change this node publishes, after its commit, goes out as a small NOTIFY on
/// <see cref="Channel"/>; a dedicated connection LISTENs, and each node delivers the changes of the
/// others to its own screens. A node hears its own notifications too and skips them by its node id, so
/// its screens get each change once. A lost listening connection is reopened with backoff.
/// </summary>
/// <remarks>
/// Retry pacing and presence expiry use the wall clock on purpose: they are network timing, not domain
/// time, and a test's frozen clock must not stop a node from reconnecting.
/// </remarks>
public sealed partial class PostgresLiveRelay : BackgroundService
{
    public const string Channel = "heliodesk_live";
    internal static readonly TimeSpan PresenceRenewal = TimeSpan.FromSeconds(10);
    internal static readonly TimeSpan PresenceLifetime = TimeSpan.FromSeconds(35);
    private const int BatchSize = 256;

    private readonly string _listenConnectionString;
    private readonly NpgsqlDataSource _senders;
    private readonly TicketFeed _feed;
    private readonly TicketPresence _presence;
    private readonly PresenceNames _names;
    private readonly ILogger<PostgresLiveRelay> _log;
    private readonly Channel<string> _outgoing = System.Threading.Channels.Channel.CreateBounded<string>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly Channel<LiveSignal> _incomingPresence = System.Threading.Channels.Channel.CreateUnbounded<LiveSignal>(
        new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _listenLock = new();
    private TaskCompletionSource _listened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _listenGeneration;

    public PostgresLiveRelay(string connectionString, TicketFeed feed, TicketPresence presence, PresenceNames names, ILogger<PostgresLiveRelay> log)
    {
        (_feed, _presence, _names, _log) = (feed, presence, names, log);
        _listenConnectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            // Its own physical connection: a pooled one killed under us would go back to the pool.
            Pooling = false,
            ApplicationName = $"heliodesk-live {NodeId:N}",
            // Notices a silently dropped connection while it only waits for notifications.
            KeepAlive = 15,
        }.ToString();
        _senders = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = "heliodesk-live-send",
            MaxPoolSize = 2,
        }.ToString()).Build();
        feed.RelayTo(changes =>
        {
            foreach (var change in changes)
            {
                _outgoing.Writer.TryWrite(LiveSignal.Encode(NodeId, change));
            }
        });
        presence.RelayTo(signal => _outgoing.Writer.TryWrite(LiveSignal.Encode(NodeId, signal)));
    }

    /// <summary>This process; notifications carrying it are this node's own and already delivered.</summary>
    public Guid NodeId { get; } = Guid.NewGuid();

    /// <summary>How many times the listening connection has started listening (1 after start, more after reconnects).</summary>
    public int ListenGeneration
    {
        get
        {
            lock (_listenLock)
            {
                return _listenGeneration;
            }
        }
    }

    /// <summary>Completes once the listener is listening for a generation after <paramref name="generation"/>.</summary>
    public async Task WaitUntilListeningAsync(int generation, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task next;
            lock (_listenLock)
            {
                if (_listenGeneration > generation)
                {
                    return;
                }
                next = _listened.Task;
            }
            await next.WaitAsync(cancellationToken);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken), ApplyPresenceAsync(stoppingToken), RenewPresenceAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken stop)
    {
        for (var attempt = 0; !stop.IsCancellationRequested; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_listenConnectionString);
                await connection.OpenAsync(stop);
                connection.Notification += (_, e) => Receive(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stop);
                }
                attempt = -1;
                Listening();
                while (true)
                {
                    await connection.WaitAsync(stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                var delay = Backoff(Math.Max(attempt, 0));
                LogListenFailed(e, delay.TotalSeconds);
                await Pause(delay, stop);
            }
        }
    }

    private void Listening()
    {
        lock (_listenLock)
        {
            _listenGeneration++;
            _listened.TrySetResult();
            _listened = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    private void Receive(string payload)
    {
        if (LiveSignal.Decode(payload) is not { } signal || signal.Node == NodeId)
        {
            return;
        }
        if (signal.Kind == LiveSignal.TicketKind)
        {
            _feed.Deliver([signal.ToChange()]);
        }
        else if (signal.Kind == LiveSignal.PresenceKind)
        {
            // Showing a viewer needs their name, which is not in the payload: read it off this thread.
            _incomingPresence.Writer.TryWrite(signal);
        }
    }

    private async Task SendAsync(CancellationToken stop)
    {
        var batch = new List<string>(BatchSize);
        try
        {
            while (await _outgoing.Reader.WaitToReadAsync(stop))
            {
                while (batch.Count < BatchSize && _outgoing.Reader.TryRead(out var payload))
                {
                    batch.Add(payload);
                }
                await NotifyWithRetriesAsync(batch, stop);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task NotifyWithRetriesAsync(List<string> batch, CancellationToken stop)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                // One round trip for the batch; NOTIFYs of one transaction arrive in order.
                await using var command = _senders.CreateCommand("SELECT pg_notify(@channel, p) FROM unnest(@payloads) AS p");
                command.Parameters.AddWithValue("channel", Channel);
                command.Parameters.AddWithValue("payloads", batch.ToArray());
                await command.ExecuteNonQueryAsync(stop);
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
            {
                var delay = Backoff(attempt);
                LogSendFailed(e, batch.Count, delay.TotalSeconds);
                await Pause(delay, stop);
            }
        }
    }

    private async Task ApplyPresenceAsync(CancellationToken stop)
    {
        try
        {
            await foreach (var signal in _incomingPresence.Reader.ReadAllAsync(stop))
            {
                var presence = signal.ToPresence();
                var name = presence.Left ? "" : await _names.NameOfAsync(presence.AgentId, stop);
                _presence.ApplyRemote(presence, name, DateTimeOffset.UtcNow + PresenceLifetime);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Re-announces this node's viewers and forgets other nodes' viewers nobody renewed.</summary>
    private async Task RenewPresenceAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(PresenceRenewal);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                _presence.RenewLocalSessions();
                _presence.ExpireRemote(DateTimeOffset.UtcNow);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>0, 0.25, 0.5, 1, 2, 4, 8, then every 15 seconds.</summary>
    internal static TimeSpan Backoff(int attempt) =>
        attempt == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Min(250 * Math.Pow(2, attempt - 1), 15_000));

    private static async Task Pause(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, TimeProvider.System, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _senders.Dispose();
    }

    [LoggerMessage(LogLevel.Warning, "The live relay lost its PostgreSQL listener; listening again in {Seconds} s.")]
    private partial void LogListenFailed(Exception exception, double seconds);

    [LoggerMessage(LogLevel.Warning, "The live relay could not notify {Count} changes to other nodes; retrying in {Seconds} s.")]
    private partial void LogSendFailed(Exception exception, int count, double seconds);
}
