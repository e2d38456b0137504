using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Heliodesk.Bench;
using Heliodesk.Features.Tickets;
using Npgsql;

namespace Heliodesk.RoutingBench;

/// <summary>
/// Assignment throughput with real servers (issue #6): starts <c>--nodes</c> Heliodesk processes on one PostgreSQL
/// database, puts <c>--agents</c> agents online through the API, inserts <c>--tickets</c> open unassigned tickets in
/// one transaction, and watches the database while the nodes' router workers assign them. Reports assignments per
/// second and checks from the database that no ticket was assigned twice. Loopback only; bounded by --max-seconds.
/// </summary>
internal static class ThroughputBench
{
    private const string Bootstrap = "hd_routing-bench-bootstrap";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = ThroughputOptions.Parse(args);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(options.MaxSeconds));
        var ct = cts.Token;
        var nodes = new List<ServerProcess>();
        try
        {
            for (var i = 0; i < options.Nodes; i++)
            {
                // One at a time: the first migrates the database, the others find it ready.
                var node = ServerProcess.Start(options.ServerDll, Directory.CreateTempSubdirectory("heliodesk-routing-node-").FullName, Bootstrap, options.ConnectionString);
                nodes.Add(node);
                await WaitForHealthAsync(node, ct);
            }
            using var http = new HttpClient { BaseAddress = nodes[0].BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
            var (workspace, ownerToken) = await CreateWorkspaceAsync(http, ct);
            var requesterTicket = await SetUpRoutingAsync(http, ownerToken, options, ct);
            Console.WriteLine($"{options.Nodes} node(s), {options.Agents} agents online, workspace {workspace}; inserting {options.Tickets} tickets");

            var cpuBefore = nodes.Select(n => ProcessCpu.Ticks(n.Pid)).ToArray();
            var insertedAt = await InsertTicketsAsync(options.ConnectionString, workspace, requesterTicket, options.Tickets, ct);
            var timeline = await WatchAsync(options.ConnectionString, workspace, options.Tickets + 1, insertedAt, ct);
            var cpu = nodes.Select((n, i) => (ProcessCpu.Ticks(n.Pid) - cpuBefore[i]) * 10.0).ToArray();
            var check = await VerifyAsync(options.ConnectionString, workspace, ct);
            Report(options, timeline, check, cpu);
            return check.Twice == 0 && check.MismatchedAssignee == 0 && check.Assigned == options.Tickets + 1 ? 0 : 3;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Console.Error.WriteLine($"Stopped after --max-seconds {options.MaxSeconds}.");
            return 130;
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or NpgsqlException)
        {
            Console.Error.WriteLine($"Set-up or measurement failed: {e.Message}");
            return 1;
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static async Task WaitForHealthAsync(ServerProcess node, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = node.BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        while (!node.HasExited)
        {
            try
            {
                if ((await http.GetAsync("/health", ct)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
            {
                // Not listening yet, or too busy to answer within 5 s: ask again.
            }
            await Task.Delay(200, ct);
        }
        throw new InvalidOperationException($"A server exited during start:\n{node.LogTail()}");
    }

    private static async Task<(Guid Workspace, string OwnerToken)> CreateWorkspaceAsync(HttpClient http, CancellationToken ct)
    {
        var created = await SendAsync(http, HttpMethod.Post, "/api/v1/workspaces", Bootstrap, new { name = "Routing bench " + DateTime.UtcNow.ToString("s", CultureInfo.InvariantCulture) }, ct);
        return (created.GetProperty("id").GetGuid(), created.GetProperty("ownerToken").GetString()!);
    }

    /// <summary>One queue every ticket matches, the agents online, and one ticket through the API for a real requester.</summary>
    private static async Task<Guid> SetUpRoutingAsync(HttpClient http, string owner, ThroughputOptions options, CancellationToken ct)
    {
        var queue = await SendAsync(http, HttpMethod.Post, "/api/v1/queues", owner, new { name = "Everything", strategy = options.Strategy }, ct);
        await SendAsync(http, HttpMethod.Post, "/api/v1/routing-rules", owner, new { name = "Everything", queueId = queue.GetProperty("id").GetGuid() }, ct);
        var run = Guid.NewGuid().ToString("N")[..8];
        await Parallel.ForAsync(0, options.Agents, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (i, token) =>
        {
            var invited = await SendAsync(http, HttpMethod.Post, "/api/v1/agents", owner,
                new { email = $"agent{i}-{run}@bench.example", name = $"Agent {i}", role = "agent", languages = new[] { "en" }, tier = 1, timeZone = "UTC" }, token);
            var agentId = invited.GetProperty("agent").GetProperty("id").GetGuid();
            var agentToken = (await SendAsync(http, HttpMethod.Post, "/api/v1/api-tokens", owner, new { name = "bench", agentId }, token)).GetProperty("token").GetString()!;
            await SendAsync(http, HttpMethod.Put, "/api/v1/presence/me", agentToken, new { status = "online" }, token);
        });
        var ticket = await SendAsync(http, HttpMethod.Post, "/api/v1/tickets", owner,
            new { subject = "Bench requester", body = "First ticket.", requester = new { email = $"customer-{run}@bench.example" } }, ct);
        return ticket.GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> SendAsync(HttpClient http, HttpMethod method, string path, string token, object body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Open, unassigned email tickets in one transaction (set-based, like the list bench's bulk seed).</summary>
    private static async Task<long> InsertTicketsAsync(string connectionString, Guid workspace, Guid requesterTicket, int count, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var command = new NpgsqlCommand($"""
            WITH start AS (SELECT "LastTicketNumber" AS n FROM "Workspaces" WHERE "Id" = @ws FOR UPDATE),
                 requester AS (SELECT "RequesterId" AS id FROM "Tickets" WHERE "Id" = @requesterTicket)
            INSERT INTO "Tickets" ("Id", "WorkspaceId", "Number", "Subject", "Status", "Priority", "Urgency", "Channel", "Language",
                                   "RequesterId", "TeamId", "Tier", "CreatedAt", "UpdatedAt", "SolvedAt", "ClosedAt", "ReopenCount", "TouchCount", "Version")
            SELECT gen_random_uuid(), @ws, (SELECT n FROM start) + i + 1, 'Routing bench ' || i, {(int)TicketStatus.Open},
                   i % 4, 1, {(int)Channel.Email}, 'en', (SELECT id FROM requester), NULL, 1, now(), now(), NULL, NULL, 0, 1, 1
            FROM generate_series(0, @count - 1) AS i;
            UPDATE "Workspaces" SET "LastTicketNumber" = "LastTicketNumber" + @count WHERE "Id" = @ws;
            """, connection, transaction) { CommandTimeout = 0 })
        {
            command.Parameters.AddWithValue("ws", workspace);
            command.Parameters.AddWithValue("requesterTicket", requesterTicket);
            command.Parameters.AddWithValue("count", count);
            await command.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return Stopwatch.GetTimestamp();
    }

    /// <summary>Counts assigned tickets every 100 ms until all are assigned or nothing moved for 30 s.</summary>
    private static async Task<List<(double Seconds, long Assigned)>> WatchAsync(string connectionString, Guid workspace, int expected, long since, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var count = new NpgsqlCommand("""SELECT count(*) FROM "Tickets" WHERE "WorkspaceId" = @ws AND "AssigneeId" IS NOT NULL""", connection);
        count.Parameters.AddWithValue("ws", workspace);
        var timeline = new List<(double, long)>();
        var lastMove = Stopwatch.GetTimestamp();
        while (true)
        {
            var assigned = (long)(await count.ExecuteScalarAsync(ct))!;
            var now = Stopwatch.GetElapsedTime(since).TotalSeconds;
            if (timeline.Count == 0 || timeline[^1].Item2 != assigned)
            {
                lastMove = Stopwatch.GetTimestamp();
            }
            timeline.Add((now, assigned));
            if (assigned >= expected || Stopwatch.GetElapsedTime(lastMove) > TimeSpan.FromSeconds(30))
            {
                return timeline;
            }
            await Task.Delay(100, ct);
        }
    }

    private sealed record Verification(long Assigned, long Twice, long MismatchedAssignee, string? LeaseHolder);

    /// <summary>From the database: tickets assigned, tickets with more than one assignment event, assignee agreeing with the last event.</summary>
    private static async Task<Verification> VerifyAsync(string connectionString, Guid workspace, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        // Fresh statistics first: autovacuum has not caught up with tens of thousands of new rows, and a stale plan
        // turns the per-ticket lookup below into a scan of every event per ticket.
        await using (var analyze = new NpgsqlCommand("""ANALYZE "Tickets", "TicketEvents";""", connection) { CommandTimeout = 0 })
        {
            await analyze.ExecuteNonQueryAsync(ct);
        }
        await using var command = new NpgsqlCommand($"""
            SELECT (SELECT count(*) FROM "Tickets" WHERE "WorkspaceId" = @ws AND "AssigneeId" IS NOT NULL),
                   (SELECT count(*) FROM (SELECT "TicketId" FROM "TicketEvents" WHERE "WorkspaceId" = @ws AND "Type" = {(int)TicketEventType.AssigneeChanged}
                                          GROUP BY "TicketId" HAVING count(*) > 1) twice),
                   (SELECT count(*) FROM "Tickets" t WHERE t."WorkspaceId" = @ws AND t."AssigneeId" IS NOT NULL AND t."AssigneeId"::text IS DISTINCT FROM
                       (SELECT e."From" FROM "TicketEvents" e WHERE e."TicketId" = t."Id" AND e."Type" = {(int)TicketEventType.Routed} ORDER BY e."At" DESC LIMIT 1)),
                   (SELECT "Holder" FROM "RouterLease" WHERE "Name" = 'router')
            """, connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("ws", workspace);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetString(3));
    }

    private static void Report(ThroughputOptions options, List<(double Seconds, long Assigned)> timeline, Verification check, double[] cpuMs)
    {
        var first = timeline.First(p => p.Assigned > 1);
        var last = timeline.First(p => p.Assigned == timeline[^1].Assigned);
        var sustained = (last.Assigned - first.Assigned) / Math.Max(last.Seconds - first.Seconds, 0.001);
        // Rates over whole seconds between the first and the last assignment seen.
        var perSecond = new List<double>();
        for (var t = first.Seconds; t + 1 <= last.Seconds; t += 1)
        {
            var (from, to) = (At(timeline, t), At(timeline, t + 1));
            perSecond.Add(to - from);
        }
        perSecond.Sort();
        Console.WriteLine($"assigned {check.Assigned} of {options.Tickets + 1}; first assignment seen {first.Seconds:F2} s after the insert committed, last {last.Seconds:F2} s");
        Console.WriteLine($"throughput {sustained:F0} assignments/s (first to last); whole seconds: {perSecond.Count}, median {Median(perSecond):F0}/s, slowest {perSecond.FirstOrDefault():F0}/s");
        Console.WriteLine($"overall from commit: {check.Assigned / last.Seconds:F0} assignments/s");
        Console.WriteLine($"tickets assigned more than once: {check.Twice}; assignee differing from the last routing event: {check.MismatchedAssignee}; router lease held by {check.LeaseHolder}");
        Console.WriteLine($"server CPU during the run: {string.Join(", ", cpuMs.Select((c, i) => $"node {i + 1} {c / 1000:F1} s"))} ({cpuMs.Sum() / Math.Max(check.Assigned, 1):F2} ms per assignment)");
    }

    private static long At(List<(double Seconds, long Assigned)> timeline, double seconds) =>
        timeline.LastOrDefault(p => p.Seconds <= seconds).Assigned;

    private static double Median(List<double> sorted) => sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
}

/// <summary>CPU time of a process in clock ticks (user + system, 100 per second on Linux), from /proc.</summary>
internal static class ProcessCpu
{
    public static long Ticks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
}

internal sealed record ThroughputOptions(string ServerDll, string ConnectionString, int Nodes, int Agents, int Tickets, string Strategy, int MaxSeconds)
{
    public static ThroughputOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new(
            Value("--start-server") ?? throw new ArgumentException("--start-server PATH/Heliodesk.dll is required"),
            Value("--connection-string") ?? throw new ArgumentException("--connection-string (PostgreSQL) is required"),
            Number("--nodes", 2), Number("--agents", 200), Number("--tickets", 20_000), Value("--strategy") ?? "leastLoaded", Number("--max-seconds", 900));
    }
}
