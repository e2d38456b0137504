using System.Globalization;
using System.Text.Json;

namespace Heliodesk.Bench;

/// <summary>Everything a scenario needs, shared for the whole run.</summary>
internal sealed record BenchContext(
    HeliodeskApi Api, StateStore Store, BenchState State, Options Options, Deadline Deadline, RssSampler? Rss, CancellationToken Cancel);

/// <summary>The three workloads: ticket creation, bulk seeding, and the open-tickets-by-team list.</summary>
internal sealed class Scenarios(BenchContext context)
{
    public const int DefaultCreateCount = 20_000;
    public const int DefaultListCount = 2_000;
    public const int ListPageSize = 50;

    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);

    private readonly PayloadFactory _payloads = new(context.State.TeamIds);
    private long _created; // successful creations not yet folded into State.TicketCount

    public static int DefaultConcurrency(string scenario) => scenario == "list" ? 4 : 16;

    public Task<ScenarioResult> RunAsync(string scenario) => scenario switch
    {
        "create" => CreateAsync(),
        "seed" => SeedAsync(),
        "list" => ListAsync(),
        "bulk-seed" => BulkSeedAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "Unknown scenario."),
    };

    private async Task<ScenarioResult> CreateAsync()
    {
        var count = context.Options.Count ?? DefaultCreateCount;
        var (warmup, concurrency) = (context.Options.Warmup ?? 500, Concurrency("create"));
        await WarmUpAsync("create", warmup, concurrency, (_, ct) => CreateTicketAsync(_payloads.NewTicket(), ct)).ConfigureAwait(false);
        var outcome = await MeasureAsync(count, concurrency, (_, ct) => CreateTicketAsync(_payloads.NewTicket(), ct), null).ConfigureAwait(false);
        SaveTicketCount();
        return Report.ToResult("create", context, concurrency, warmup, outcome, averageItems: null);
    }

    /// <summary>
    /// Tops the workspace up to --tickets. The count lives in the state file (the API has no
    /// count endpoint), so a reused data dir only creates the difference.
    /// </summary>
    private async Task<ScenarioResult> SeedAsync()
    {
        var target = context.Options.Tickets;
        var missing = (int)Math.Max(0, target - context.State.TicketCount);
        var concurrency = Concurrency("seed");
        Console.WriteLine($"seed: workspace has {context.State.TicketCount:N0} bench tickets, target {target:N0}, creating {missing:N0}.");

        void OnProgress(Progress p)
        {
            SaveTicketCount(); // Checkpoint, so an interrupted seed resumes close to where it stopped.
            var eta = p.RecentPerSecond > 0 ? TimeSpan.FromSeconds((p.Planned - p.Completed) / p.RecentPerSecond) : TimeSpan.Zero;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  seed {p.Completed,11:N0} / {p.Planned:N0} ({100.0 * p.Completed / Math.Max(1, p.Planned),5:F1}%)  " +
                $"{p.RecentPerSecond,8:N0} req/s  errors {p.Errors:N0}  workspace {context.State.TicketCount:N0}  eta {eta:hh\\:mm\\:ss}"));
        }

        var outcome = await MeasureAsync(missing, concurrency, (_, ct) => CreateTicketAsync(_payloads.SeedTicket(), ct), OnProgress)
            .ConfigureAwait(false);
        SaveTicketCount();
        return Report.ToResult("seed", context, concurrency, warmup: 0, outcome, averageItems: null);
    }

    /// <summary>Brings the workspace to --tickets with one INSERT in the database (see BulkSeeder).</summary>
    private async Task<ScenarioResult> BulkSeedAsync()
    {
        var missing = Math.Max(0, context.Options.Tickets - context.State.TicketCount);
        var first = await CreateTicketAsync(_payloads.NewTicket(), context.Cancel).ConfigureAwait(false); // a real requester to point at
        SaveTicketCount();
        var started = System.Diagnostics.Stopwatch.StartNew();
        if (first.Error is null && missing > 1)
        {
            await BulkSeeder.SeedAsync(context.Options.ConnectionString, Path.GetDirectoryName(context.Store.FilePath)!,
                context.State.WorkspaceId!.Value.ToString(), context.State.TeamIds.Select(t => t.ToString()).ToList(), missing - 1, context.Cancel).ConfigureAwait(false);
            context.State.TicketCount += missing - 1;
            context.Store.Save(context.State);
        }
        Console.WriteLine($"bulk-seed: {missing:N0} tickets in {started.Elapsed.TotalSeconds:F1} s; workspace now has {context.State.TicketCount:N0} bench tickets.");
        return Report.ToResult("bulk-seed", context, 1, 0, new RunOutcome(0, 0, 0, 0, started.Elapsed, [], [], null, null), averageItems: null);
    }

    private async Task<ScenarioResult> ListAsync()
    {
        var count = context.Options.Count ?? DefaultListCount;
        var (warmup, concurrency) = (context.Options.Warmup ?? 100, Concurrency("list"));
        await WarmUpAsync("list", warmup, concurrency, (_, ct) => ListOpenAsync(ct)).ConfigureAwait(false);
        var outcome = await MeasureAsync(count, concurrency, (_, ct) => ListOpenAsync(ct), null).ConfigureAwait(false);
        var successes = outcome.StatusCounts.Where(s => s.Key.StartsWith('2')).Sum(s => s.Value);
        double? averageItems = successes > 0 ? Math.Round((double)outcome.TotalItems / successes, 2) : null;
        return Report.ToResult("list", context, concurrency, warmup, outcome, averageItems);
    }

    private async Task<RequestOutcome> CreateTicketAsync(CreateTicketRequest ticket, CancellationToken ct)
    {
        // Every create carries an Idempotency-Key, as an integration that retries safely would:
        // the target is measured with the key's record written in the ticket's transaction.
        var response = await context.Api.PostJsonAsync("api/v1/tickets", ticket, BenchJson.Default.CreateTicketRequest, context.State.OwnerToken, ct,
            idempotencyKey: Guid.NewGuid().ToString("N")).ConfigureAwait(false);
        if (response.IsSuccess)
        {
            Interlocked.Increment(ref _created);
            return new RequestOutcome(response.Status);
        }
        return new RequestOutcome(response.Status, Error: response.Describe());
    }

    private async Task<RequestOutcome> ListOpenAsync(CancellationToken ct)
    {
        var teams = context.State.TeamIds;
        var path = teams.Count == 0
            ? $"api/v1/tickets?status=open&limit={ListPageSize}" // No teams API yet: see WorkspaceSetup.
            : $"api/v1/tickets?status=open&teamId={Uri.EscapeDataString(teams[Random.Shared.Next(teams.Count)].ToString())}&limit={ListPageSize}";
        var response = await context.Api.GetAsync(path, context.State.OwnerToken, ct).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            return new RequestOutcome(response.Status, Error: response.Describe());
        }
        try
        {
            using var page = JsonDocument.Parse(response.Body);
            return page.RootElement.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
                ? new RequestOutcome(response.Status, items.GetArrayLength())
                : new RequestOutcome(-1, Error: "200 without an items array: " + response.Describe());
        }
        catch (JsonException)
        {
            // A 2xx the client cannot use is still a failure; -1 marks "bad body" in the status counts.
            return new RequestOutcome(-1, Error: "invalid JSON: " + response.Describe());
        }
    }

    /// <summary>Runs unmeasured requests first so JIT, connection pool and server caches are warm.</summary>
    private async Task WarmUpAsync(string name, int warmup, int concurrency, Func<int, CancellationToken, Task<RequestOutcome>> request)
    {
        if (warmup == 0)
        {
            return;
        }
        var outcome = await MeasureAsync(warmup, concurrency, request, null).ConfigureAwait(false);
        SaveTicketCount();
        Console.WriteLine($"{name}: warm-up {outcome.Completed:N0} requests, {outcome.Errors:N0} errors, {outcome.Elapsed.TotalSeconds:F1} s.");
    }

    private Task<RunOutcome> MeasureAsync(int count, int concurrency, Func<int, CancellationToken, Task<RequestOutcome>> request, Action<Progress>? onProgress)
    {
        onProgress ??= p => Console.WriteLine($"  ... {p.Completed:N0} / {p.Planned:N0} done, {p.RecentPerSecond:N0} req/s, {p.Errors:N0} errors");
        return LoadRunner.RunAsync(count, concurrency, request, context.Deadline, onProgress, ProgressEvery, context.Cancel);
    }

    private int Concurrency(string scenario) => context.Options.Concurrency ?? DefaultConcurrency(scenario);

    private void SaveTicketCount()
    {
        var created = Interlocked.Exchange(ref _created, 0);
        if (created > 0)
        {
            context.State.TicketCount += created;
            context.Store.Save(context.State);
        }
    }
}
