using System.Net;
using System.Net.Http.Json;
using Heliodesk.Data;
using Heliodesk.Features.Tickets;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.Tickets;

public sealed class TicketQueryTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Cursor_pages_return_every_matching_ticket_once_in_order(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        for (var i = 0; i < 7; i++)
        {
            await ws.Owner.CreateTicketAsync($"Ticket {i}", extra: new { priority = i % 2 == 0 ? "high" : "low" });
        }

        foreach (var sort in new[] { "-created", "created", "-updated", "updated", "priority" })
        {
            var seen = new List<TicketResponse>();
            string? cursor = null;
            do
            {
                var page = await (await ws.Owner.GetAsync($"/api/v1/tickets?limit=3&sort={sort}&cursor={cursor}")).ReadAsync<TicketPage>(HttpStatusCode.OK);
                seen.AddRange(page.Items);
                cursor = page.NextCursor;
            }
            while (cursor is not null);

            Assert.Equal(7, seen.Select(t => t.Id).Distinct().Count());
            var expected = sort switch
            {
                "created" => seen.OrderBy(t => t.Number),
                "priority" => seen.OrderByDescending(t => t.Priority).ThenBy(t => t.Number),
                "updated" => seen.OrderBy(t => t.UpdatedAt).ThenBy(t => t.Number),
                _ => seen.OrderByDescending(t => t.Number),
            };
            Assert.Equal(expected.Select(t => t.Number), seen.Select(t => t.Number));
        }
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Filters_narrow_the_list_to_what_an_inbox_view_asks_for(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var spanish = await ws.Owner.CreateTicketAsync("No puedo pagar", extra: new { language = "es", channel = "email", tags = new[] { "billing" } });
        var mine = await ws.Owner.CreateTicketAsync("Assigned", extra: new { assigneeId = ws.OwnerAgentId, priority = "urgent" });
        var solved = await ws.Owner.CreateTicketAsync("Done", requesterEmail: "li@example.cn", extra: new { status = "solved", language = "zh-Hans" });

        async Task<long[]> Numbers(string query) =>
            (await (await ws.Owner.GetAsync($"/api/v1/tickets?{query}")).ReadAsync<TicketPage>(HttpStatusCode.OK)).Items.Select(t => t.Number).Order().ToArray();

        Assert.Equal([spanish.Number, mine.Number], await Numbers("status=unsolved"));
        Assert.Equal([solved.Number], await Numbers("status=solved,closed"));
        Assert.Equal([mine.Number], await Numbers("assigneeId=me"));
        Assert.Equal([spanish.Number, solved.Number], await Numbers("assigneeId=none"));
        Assert.Equal([spanish.Number], await Numbers("tag=Billing"));
        Assert.Equal([spanish.Number], await Numbers("channel=email"));
        Assert.Equal([solved.Number], await Numbers("language=zh"));
        Assert.Equal([mine.Number], await Numbers("priority=urgent,high"));
        Assert.Equal([solved.Number], await Numbers($"requesterId={solved.Requester.Id}"));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Tags_are_counted_most_used_first(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        await ws.Owner.CreateTicketAsync(extra: new { tags = new[] { "billing", "vip" } });
        await ws.Owner.CreateTicketAsync(extra: new { tags = new[] { "billing" } });

        var tags = await (await ws.Owner.GetAsync("/api/v1/tags")).ReadAsync<List<TagCount>>(HttpStatusCode.OK);

        Assert.Equal([new TagCount("billing", 2), new TagCount("vip", 1)], tags);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Bad_query_values_are_field_errors(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();

        await (await ws.Owner.GetAsync("/api/v1/tickets?status=frozen")).AssertFieldErrorAsync("status");
        await (await ws.Owner.GetAsync("/api/v1/tickets?limit=1000")).AssertFieldErrorAsync("limit");
        await (await ws.Owner.GetAsync("/api/v1/tickets?cursor=garbage")).AssertFieldErrorAsync("cursor");
        await (await ws.Owner.GetAsync("/api/v1/tickets?sort=random")).AssertFieldErrorAsync("sort");
        await (await ws.Owner.GetAsync("/api/v1/tickets?assigneeId=bob")).AssertFieldErrorAsync("assigneeId");
    }
}
