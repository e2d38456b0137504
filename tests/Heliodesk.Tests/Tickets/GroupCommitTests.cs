using System.Net;
using System.Net.Http.Json;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Tickets;
using Heliodesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heliodesk.Tests.Tickets;

/// <summary>Creates that run at the same time: numbering, shared new requesters, retries, failures (docs/decisions/0008, 0009).</summary>
public sealed class GroupCommitTests(TestDatabases databases)
{
    private static HttpRequestMessage Create(string subject, string email, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets")
        {
            Content = JsonContent.Create(new { subject, body = "Something broke.", requester = new { email } }, options: TestApi.Json),
        };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        return request;
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Concurrent_creates_get_distinct_consecutive_numbers_and_share_new_requesters(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var emails = new[] { "first@new.example", "second@new.example", "third@new.example" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => ws.Owner.SendAsync(Create($"Request {i}", emails[i % 3]))));
        var tickets = await Task.WhenAll(responses.Select(r => r.ReadAsync<TicketResponse>(HttpStatusCode.Created)));

        Assert.Equal(Enumerable.Range(1, 30).Select(n => (long)n), tickets.Select(t => t.Number).Order());
        Assert.Equal(3, tickets.Select(t => t.Requester.Id).Distinct().Count());
        var stored = await (await ws.Owner.GetAsync("/api/v1/tickets?limit=100")).ReadAsync<TicketPage>(HttpStatusCode.OK);
        Assert.Equal(30, stored.Items.Count);
        var next = await ws.Owner.CreateTicketAsync(requesterEmail: emails[0]);
        Assert.Equal(31, next.Number);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_replayed_create_carries_the_first_answers_etag(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();

        var first = await ws.Owner.SendAsync(Create("Refund", "refund@example.com", "refund-1"));
        var retry = await ws.Owner.SendAsync(Create("Refund", "refund@example.com", "refund-1"));

        var (a, b) = (await first.ReadAsync<TicketResponse>(HttpStatusCode.Created), await retry.ReadAsync<TicketResponse>(HttpStatusCode.Created));
        Assert.Equal(a.Id, b.Id);
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("\"1\"", retry.Headers.ETag?.Tag);
        var events = await ws.Owner.EventsAsync(a.Id);
        Assert.Contains(events, e => e.Type == TicketEventType.Created);
    }

    [Fact]
    public async Task A_write_the_database_refuses_fails_alone_and_its_neighbours_are_committed()
    {
        var app = await databases.SharedAsync(DatabaseProvider.Sqlite);
        var ws = await app.CreateWorkspaceAsync();
        var writer = app.Services.GetRequiredService<GroupCommitWriter>();

        async Task Queue(string key)
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HeliodeskDb>();
            db.IdempotencyRecords.Add(new IdempotencyRecord { WorkspaceId = ws.Id, Key = key, RequestHash = "h", ResponseJson = "null", StatusCode = 204 });
            await writer.WriteAsync((await db.PlanInsertsAsync(CancellationToken.None))!);
        }

        // Holding the write lock lines the three writes up behind it, so they commit as one batch.
        await writer.Gate.EnterAsync(TestContext.Current.CancellationToken);
        var (first, duplicate, third) = (Queue("a"), Queue("a"), Queue("c"));
        writer.Gate.Exit();

        await first;
        await third;
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => duplicate);
        Assert.True(ConflictingWrites.IsKeyViolation(refused));
        using var check = app.Services.CreateScope();
        var keys = await check.ServiceProvider.GetRequiredService<HeliodeskDb>().IdempotencyRecords.IgnoreQueryFilters()
            .Where(r => r.WorkspaceId == ws.Id).Select(r => r.Key).OrderBy(k => k).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["a", "c"], keys);
    }

    [Fact]
    public async Task Numbers_continue_after_a_mark_a_tool_wrote_into_the_database()
    {
        var app = await databases.SharedAsync(DatabaseProvider.Sqlite);
        var ws = await app.CreateWorkspaceAsync();
        Assert.Equal(1, (await ws.Owner.CreateTicketAsync()).Number);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<HeliodeskDb>().Workspaces.Where(w => w.Id == ws.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.LastTicketNumber, 100), TestContext.Current.CancellationToken);
        }

        var numberedBefore = await ws.Owner.CreateTicketAsync();
        var numberedAfter = await ws.Owner.CreateTicketAsync();

        Assert.Equal((2L, 101L), (numberedBefore.Number, numberedAfter.Number));
    }
}
