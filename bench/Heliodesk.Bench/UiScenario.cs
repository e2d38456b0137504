using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Heliodesk.Bench;

/// <summary>
/// The agent workspace's two targets in a real browser (issue #4): the inbox interactive with its first
/// page of 50 rows, and a new ticket arriving in another agent's open view. See docs/benchmarks.md.
/// </summary>
internal sealed partial class UiScenario(BenchContext context)
{
    public const int DefaultRuns = 20;

    /// <summary>New and open tickets, urgent first then oldest: at 1,000,000 tickets about 70,000 match.</summary>
    public const string InboxPath = "inbox/all-open";

    private const string ArrivalViewName = "Bench: latest change first";

    private static readonly LocatorWaitForOptions Attached = new() { State = WaitForSelectorState.Attached };

    public async Task<IReadOnlyList<ScenarioResult>> RunAsync()
    {
        // A build output (not published) in Production serves no static web assets: no blazor.web.js, never interactive.
        var script = await context.Api.GetAsync("_framework/blazor.web.js", null, context.Cancel).ConfigureAwait(false);
        if (!script.IsSuccess)
        {
            throw new InvalidOperationException($"_framework/blazor.web.js answered {script.Status}: start the published server (dotnet publish -o DIR; --start-server DIR/Heliodesk.dll).");
        }
        var (reader, watcher) = await UiAgents.EnsureAsync(context).ConfigureAwait(false);
        var runs = context.Options.Count ?? DefaultRuns;
        await using var browser = await UiBrowser.LaunchAsync(context.Api.BaseUrl).ConfigureAwait(false);
        var cookies = await browser.SignInAsync(reader).ConfigureAwait(false);

        // The first load after the server started pays JIT and a cold database cache: reported on its own.
        var first = await MeasureAsync("first", 1, () => FreshContextLoadAsync(browser, cookies)).ConfigureAwait(false);
        var cold = await MeasureAsync("cold", runs, () => FreshContextLoadAsync(browser, cookies)).ConfigureAwait(false);
        var page = await browser.NewPageAsync(cookies).ConfigureAwait(false);
        await page.GotoAsync(InboxPath).ConfigureAwait(false); // fills the HTTP cache; not measured
        var warm = await MeasureAsync("warm", runs, () => LoadAsync(page)).ConfigureAwait(false);
        await page.Context.CloseAsync().ConfigureAwait(false);
        var arrival = await MeasureArrivalsAsync(browser, watcher, runs).ConfigureAwait(false);
        return
        [
            Report.ToResult("ui-inbox-first", context, 1, 0, first, Scenarios.ListPageSize),
            Report.ToResult("ui-inbox-cold", context, 1, 0, cold, Scenarios.ListPageSize),
            Report.ToResult("ui-inbox-warm", context, 1, 1, warm, Scenarios.ListPageSize),
            Report.ToResult("ui-arrival", context, 1, 0, arrival, averageItems: null),
        ];
    }

    /// <summary>A new browser context each time: empty HTTP cache, new circuit, signed-in cookies.</summary>
    private static async Task<double> FreshContextLoadAsync(UiBrowser browser, string cookies)
    {
        var page = await browser.NewPageAsync(cookies).ConfigureAwait(false);
        try
        {
            return await LoadAsync(page).ConfigureAwait(false);
        }
        finally
        {
            await page.Context.CloseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Navigates to the inbox (a full document load, hence a new circuit) and returns the probe's
    /// navigation-start-to-interactive time; then proves it by clicking the first row into its ticket.
    /// </summary>
    private static async Task<double> LoadAsync(IPage page)
    {
        await page.GotoAsync(InboxPath, new PageGotoOptions { WaitUntil = WaitUntilState.Commit }).ConfigureAwait(false);
        var interactiveMs = await UiBrowser.WaitForInteractiveInboxAsync(page).ConfigureAwait(false);
        var firstRow = page.Locator("li.ticket-row").First;
        var number = await firstRow.GetAttributeAsync("data-ticket").ConfigureAwait(false);
        await firstRow.Locator("a.subject").ClickAsync().ConfigureAwait(false);
        await page.WaitForURLAsync(TicketUrl()).ConfigureAwait(false);
        await page.Locator("h1 .number", new PageLocatorOptions { HasText = "#" + number }).WaitForAsync().ConfigureAwait(false);
        return interactiveMs;
    }

    /// <summary>
    /// The watcher keeps a view open (their own saved view of unsolved tickets, latest change first, over
    /// the whole workspace). Each ticket is created through the API; the time runs from just before the
    /// POST (read on the browser's clock) until the row is in the watcher's DOM (the probe's timestamp).
    /// </summary>
    private async Task<RunOutcome> MeasureArrivalsAsync(UiBrowser browser, UiAgentLogin watcher, int count)
    {
        var page = await browser.NewPageAsync(await browser.SignInAsync(watcher).ConfigureAwait(false)).ConfigureAwait(false);
        await page.GotoAsync(await EnsureArrivalViewAsync(page).ConfigureAwait(false)).ConfigureAwait(false);
        await page.Locator(".shell[data-interactive=true] ol.ticket-list[data-live=true]").WaitForAsync(Attached).ConfigureAwait(false);
        var outcome = await MeasureAsync("arrival", count, async () =>
        {
            var subject = $"UI bench arrival {Guid.NewGuid():N}";
            await page.EvaluateAsync("s => { window.__heliodeskBench.expect = s; }", subject).ConfigureAwait(false);
            var sentAt = await page.EvaluateAsync<double>("() => performance.timeOrigin + performance.now()").ConfigureAwait(false);
            var ticket = new CreateTicketRequest(subject, "Arrived while the bench watched.", new Requester("arrivals@bench.example", "Bench Arrivals"),
                null, null, "en", null, null, null);
            var response = await context.Api.PostJsonAsync("api/v1/tickets", ticket, BenchJson.Default.CreateTicketRequest, context.State.OwnerToken,
                context.Cancel, idempotencyKey: Guid.NewGuid().ToString("N")).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                throw new InvalidOperationException("POST /api/v1/tickets failed: " + response.Describe());
            }
            context.State.TicketCount++;
            var seen = await page.WaitForFunctionAsync("s => window.__heliodeskBench.seen[s]", subject).ConfigureAwait(false);
            return await seen.JsonValueAsync<double>().ConfigureAwait(false) - sentAt;
        }).ConfigureAwait(false);
        context.Store.Save(context.State);
        await page.Context.CloseAsync().ConfigureAwait(false);
        return outcome;
    }

    /// <summary>The watcher's saved view, made through the view editor the first time (the data dir keeps it).</summary>
    private static async Task<string> EnsureArrivalViewAsync(IPage page)
    {
        await page.GotoAsync("views/new").ConfigureAwait(false);
        await page.Locator(".shell[data-interactive=true]").WaitForAsync(Attached).ConfigureAwait(false);
        var existing = page.Locator(".rail a.view-link", new PageLocatorOptions { HasText = ArrivalViewName });
        await page.Locator(".rail .count").First.WaitForAsync().ConfigureAwait(false); // the rail has read the saved views
        if (await existing.CountAsync().ConfigureAwait(false) > 0)
        {
            return (await existing.First.GetAttributeAsync("href").ConfigureAwait(false))!;
        }
        await page.Locator("#view-name").FillAsync(ArrivalViewName).ConfigureAwait(false);
        await page.Locator("#view-sort").SelectOptionAsync("-updated").ConfigureAwait(false);
        await page.Locator("form.view-editor button[type=submit]").ClickAsync().ConfigureAwait(false);
        // Blazor navigates in the document (history.pushState): watch the path rather than wait for a load event.
        await page.WaitForFunctionAsync("() => /^\\/inbox\\/[0-9a-f-]{36}$/.test(location.pathname)").ConfigureAwait(false);
        return page.Url;
    }

    /// <summary>Runs <paramref name="count"/> samples one after another; a failed sample is an error, not a time.</summary>
    private async Task<RunOutcome> MeasureAsync(string name, int count, Func<Task<double>> sample)
    {
        var (latencies, statuses, errors, firstError) = (new List<double>(), new Dictionary<string, int>(), 0, (string?)null);
        var started = Stopwatch.StartNew();
        for (var i = 0; i < count && !context.Deadline.HasPassed; i++)
        {
            context.Cancel.ThrowIfCancellationRequested();
            try
            {
                latencies.Add(Math.Round(await sample().ConfigureAwait(false), 1));
                Console.WriteLine($"  {name} {i + 1}/{count}: {latencies[^1]:F1} ms");
                statuses["ok"] = statuses.GetValueOrDefault("ok") + 1;
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException or InvalidOperationException or HttpRequestException)
            {
                errors++;
                firstError ??= ex.Message.Split('\n')[0];
                Console.WriteLine($"  {name} {i + 1}/{count}: failed: {ex.Message.Split('\n')[0]}");
                statuses["error"] = statuses.GetValueOrDefault("error") + 1;
            }
        }
        var done = latencies.Count + errors;
        return new RunOutcome(count, done, errors, 0, started.Elapsed, latencies, statuses, firstError,
            done < count ? "time budget spent" : null);
    }

    [GeneratedRegex(@"/tickets/\d+$")]
    private static partial Regex TicketUrl();
}
