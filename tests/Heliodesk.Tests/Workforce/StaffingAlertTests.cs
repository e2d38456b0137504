using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Workforce;
using Heliodesk.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Heliodesk.Tests.Workforce;

public sealed class StaffingAlertTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Dropping_under_the_minimum_raises_one_alert_that_clears_when_agents_come_back_and_a_second_node_stays_quiet(DatabaseProvider provider)
    {
        await using var app = await databases.IsolatedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        await ws.Owner.PutRegionAsync("EMEA", "Europe/London");
        var ana = await app.OnlineAgentAsync(ws, ["en"], region: "EMEA");
        var ben = await app.OnlineAgentAsync(ws, ["en"], region: "EMEA");
        await app.OnlineAgentAsync(ws, ["en"], region: "AMER");
        await ws.Owner.AddMinimumAsync("weekdays 09-17 need 2 en-speaking agents in EMEA");
        var worker = app.Services.GetRequiredService<StaffingAlertWorker>();
        var ct = TestContext.Current.CancellationToken;

        await worker.RunOnceAsync(ct);
        Assert.Empty(await ws.Owner.AlertsAsync());

        await ben.Client.SetMyStatusAsync(AgentStatus.Away);
        await worker.RunOnceAsync(ct);
        await worker.RunOnceAsync(ct);
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        await worker.RunOnceAsync(ct);
        var alert = Assert.Single(await ws.Owner.AlertsAsync());
        Assert.Equal(("EMEA", "en", 2, 1, true), (alert.Region, alert.Language, alert.Minimum, alert.Online, alert.IsOpen));

        // Another node with its own worker: the lease is taken, so it does not look at all.
        var otherNode = new StaffingAlertWorker(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Clock,
            app.Services.GetRequiredService<IOptions<WorkforceSettings>>(), NullLogger<StaffingAlertWorker>.Instance)
        { Holder = "other-node" };
        Assert.Null(await otherNode.RunOnceAsync(ct));

        await ana.Client.SetMyStatusAsync(AgentStatus.Offline);
        await worker.RunOnceAsync(ct);
        alert = Assert.Single(await ws.Owner.AlertsAsync(open: true));
        Assert.Equal((0, 0), (alert.Online, alert.LowestOnline));

        await ana.Client.SetMyStatusAsync(AgentStatus.Online);
        await ben.Client.SetMyStatusAsync(AgentStatus.Online);
        await worker.RunOnceAsync(ct);
        Assert.Empty(await ws.Owner.AlertsAsync(open: true));
        var cleared = Assert.Single(await ws.Owner.AlertsAsync());
        Assert.NotNull(cleared.ClearedAt);

        // After five in London the rule no longer applies: a drop then is no breach.
        app.Clock.Advance(TimeSpan.FromHours(8));
        await ben.Client.SetMyStatusAsync(AgentStatus.Offline);
        await worker.RunOnceAsync(ct);
        Assert.Single(await ws.Owner.AlertsAsync());
    }
}
