using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Inbox;
using Heliodesk.Features.Tickets;
using Heliodesk.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Heliodesk.Tests.Ui;

/// <summary>Saved views belong to their agent or, when a lead shares them, to the workspace; never further.</summary>
public sealed class SavedViewTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Personal_views_stay_with_their_agent_and_shared_ones_stay_in_their_workspace(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var (ws, other) = (await app.CreateWorkspaceAsync(), await app.CreateWorkspaceAsync());
        var agent = await app.InviteAgentAsync(ws);
        var owner = new Caller(ws.Id, ws.OwnerAgentId, AgentRole.Owner, "Owner");
        var colleague = new Caller(ws.Id, agent.Id, AgentRole.Agent, "Agent");
        var stranger = new Caller(other.Id, other.OwnerAgentId, AgentRole.Owner, "Stranger");

        var mine = await InAsync(app, owner, (db, c) => SavedViews.SaveAsync(db, c, null, "Mine", new ViewFilter { Tag = "VIP" }, false, app.Clock.GetUtcNow(), default));
        var shared = await InAsync(app, owner, (db, c) => SavedViews.SaveAsync(db, c, null, "Everyone's", new ViewFilter(), true, app.Clock.GetUtcNow(), default));

        Assert.Equal("vip", mine.Filter.Tag);
        Assert.Equal(["Everyone's"], (await InAsync(app, colleague, (db, c) => SavedViews.ListAsync(db, c, default))).Select(v => v.Name));
        Assert.Empty(await InAsync(app, stranger, (db, c) => SavedViews.ListAsync(db, c, default)));
        Assert.Null(await InAsync(app, stranger, (db, c) => SavedViews.FindAsync(db, c, shared.Id, default)));
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            InAsync(app, colleague, (db, c) => SavedViews.SaveAsync(db, c, shared.Id, "Hijacked", new ViewFilter(), true, app.Clock.GetUtcNow(), default)));
        Assert.Equal("shared", refused.Field);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_view_lists_what_its_filter_says_in_priority_then_age_order(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var oldUrgent = await ws.Owner.CreateTicketAsync("Old fire", extra: new { urgency = "critical", tags = new[] { "vip" } });
        await ws.Owner.CreateTicketAsync("Low", extra: new { urgency = "low", tags = new[] { "vip" } });
        var newUrgent = await ws.Owner.CreateTicketAsync("New fire", extra: new { urgency = "critical", tags = new[] { "vip" } });
        await ws.Owner.CreateTicketAsync("Not VIP", extra: new { urgency = "critical" });
        var owner = new Caller(ws.Id, ws.OwnerAgentId, AgentRole.Owner, "Owner");
        var filter = new ViewFilter { Tag = "vip", Priorities = [TicketPriority.Urgent, TicketPriority.Low] };

        var page = await InAsync(app, owner, (db, c) => InboxReader.PageAsync(db, c, filter, null, app.Clock.GetUtcNow(), default));
        var count = await InAsync(app, owner, (db, c) => InboxReader.CountAsync(db, c, filter, app.Clock.GetUtcNow(), default));

        Assert.Equal(["Old fire", "New fire", "Low"], page.Items.Select(t => t.Subject));
        Assert.Equal(3, count);
        Assert.True(oldUrgent.Number < newUrgent.Number);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_ticket_page_by_number_reads_only_the_callers_workspace_and_customer(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var (ws, other) = (await app.CreateWorkspaceAsync(), await app.CreateWorkspaceAsync());
        var secret = await other.Owner.CreateTicketAsync("Their secret", requesterEmail: "theirs@example.com");
        await other.Owner.CreateTicketAsync("Their second", requesterEmail: "theirs@example.com");
        var owner = new Caller(ws.Id, ws.OwnerAgentId, AgentRole.Owner, "Owner");

        var screen = await InAsync(app, owner, (db, c) => Heliodesk.Features.Tickets.Pages.TicketScreen.LoadAsync(db, c, secret.Number, default));
        var mine = await ws.Owner.CreateTicketAsync("Mine", requesterEmail: "theirs@example.com");
        var own = await InAsync(app, owner, (db, c) => Heliodesk.Features.Tickets.Pages.TicketScreen.LoadAsync(db, c, mine.Number, default));

        Assert.Null(screen);
        Assert.Equal("Mine", own!.Ticket.Subject);
        Assert.Empty(own.Customer.PreviousTickets);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_agent_who_is_not_a_lead_saves_a_view_of_their_own(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var agent = await app.InviteAgentAsync(ws);
        var colleague = new Caller(ws.Id, agent.Id, AgentRole.Agent, "Agent");
        var owner = new Caller(ws.Id, ws.OwnerAgentId, AgentRole.Owner, "Owner");

        var saved = await InAsync(app, colleague, (db, c) => SavedViews.SaveAsync(db, c, null, "Latest first", new ViewFilter { Sort = "-updated" }, false, app.Clock.GetUtcNow(), default));
        var renamed = await InAsync(app, colleague, (db, c) => SavedViews.SaveAsync(db, c, saved.Id, "Newest", new ViewFilter { Sort = "-updated" }, false, app.Clock.GetUtcNow(), default));

        Assert.Equal(agent.Id, saved.OwnerAgentId);
        Assert.Equal(["Newest"], (await InAsync(app, colleague, (db, c) => SavedViews.ListAsync(db, c, default))).Select(v => v.Name));
        Assert.Empty(await InAsync(app, owner, (db, c) => SavedViews.ListAsync(db, c, default)));
        Assert.Equal("-updated", renamed.Filter.Sort);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task My_teams_lists_and_counts_only_the_tickets_of_the_agents_own_teams(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var (mine, theirs) = (await ws.Owner.CreateTeamAsync(), await ws.Owner.CreateTeamAsync());
        var agent = await app.InviteAgentAsync(ws);
        var loner = await app.InviteAgentAsync(ws);
        (await ws.Owner.SetTeamMembersAsync(mine.Id, agent.Id)).EnsureSuccessStatusCode();
        await ws.Owner.CreateTicketAsync("Ours", extra: new { teamId = mine.Id });
        await ws.Owner.CreateTicketAsync("Theirs", extra: new { teamId = theirs.Id });
        await ws.Owner.CreateTicketAsync("Nobody's");
        var filter = InboxView.BuiltIn.Single(v => v.Key == "my-teams").Filter;
        var member = new Caller(ws.Id, agent.Id, AgentRole.Agent, "Member");
        var outsider = new Caller(ws.Id, loner.Id, AgentRole.Agent, "Loner");

        var page = await InAsync(app, member, (db, c) => InboxReader.PageAsync(db, c, filter, null, app.Clock.GetUtcNow(), default));
        var count = await InAsync(app, member, (db, c) => InboxReader.CountAsync(db, c, filter, app.Clock.GetUtcNow(), default));
        var none = await InAsync(app, outsider, (db, c) => InboxReader.CountAsync(db, c, filter, app.Clock.GetUtcNow(), default));

        Assert.Equal(["Ours"], page.Items.Select(t => t.Subject));
        Assert.Equal(1, count);
        Assert.Equal(0, none);
    }

    private static async Task<T> InAsync<T>(HeliodeskApplication app, Caller caller, Func<HeliodeskDb, Caller, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Enter(caller.WorkspaceId);
        var db = scope.ServiceProvider.GetRequiredService<HeliodeskDb>();
        var result = await work(db, caller);
        await db.SaveChangesAsync();
        return result;
    }
}
