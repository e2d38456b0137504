using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Tickets;
using Heliodesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heliodesk.Tests.Workspaces;

public sealed class DemoWorkspaceTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_first_start_fills_a_demo_workspace_a_new_user_can_really_work_in(DatabaseProvider provider)
    {
        await using var app = await databases.IsolatedAsync(provider, demo: true);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HeliodeskDb>();
        var demo = await db.Workspaces.SingleAsync(w => w.Name == "Demo");
        scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Enter(demo.Id);

        var regions = await db.Agents.Select(a => a.Region).Distinct().ToListAsync();
        var languages = await db.Tickets.Select(t => t.Language).Distinct().ToListAsync();
        var customers = await db.Contacts.Where(c => c.Plan != null && c.Mrr != null && c.Lifecycle != null).CountAsync()
            + await db.Organizations.Where(o => o.Plan != null && o.Mrr != null && o.Lifecycle != null && o.SignupDate != null).CountAsync();

        Assert.Superset(new HashSet<string?> { "AMER", "EMEA", "APAC" }, regions.ToHashSet());
        Assert.Superset(new HashSet<string> { "en", "es", "zh-Hans", "tl", "lt", "sr-Cyrl" }, languages.ToHashSet());
        Assert.True(customers > 0);
        Assert.True(await db.Messages.AnyAsync(m => m.Kind == MessageKind.Note));
        Assert.True(await db.TicketEvents.AnyAsync(e => e.Type == TicketEventType.FollowUpCreated));
        Assert.Equal(await db.Tickets.CountAsync(), await db.TicketEvents.Where(e => e.Type == TicketEventType.Created).CountAsync());
        Assert.Single(await db.Users.Where(u => u.PasswordHash != null && u.Email == Features.Demo.DemoWorkspace.OwnerEmail).ToListAsync());
    }
}
