using System.Net;
using System.Net.Http.Json;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Tickets;
using Heliodesk.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Heliodesk.Tests.Unit;

public sealed class IdempotencySweeperTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_key_is_replayed_for_a_day_then_forgotten(DatabaseProvider provider)
    {
        await using var app = await databases.IsolatedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var sweeper = app.Services.GetRequiredService<IdempotencySweeper>();

        async Task<TicketResponse> CreateAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets")
            {
                Content = JsonContent.Create(new { subject = "Refund", body = "Please refund order 7.", requester = new { email = "r@example.com" } }),
            };
            request.Headers.Add("Idempotency-Key", "refund-7");
            return await (await ws.Owner.SendAsync(request)).ReadAsync<TicketResponse>(HttpStatusCode.Created);
        }

        var first = await CreateAsync();
        app.Clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, await sweeper.SweepAsync(CancellationToken.None));
        Assert.Equal(first.Id, (await CreateAsync()).Id);

        // The hourly background sweep may get there first; sweeping again is harmless and removes the race.
        app.Clock.Advance(TimeSpan.FromHours(2));
        await sweeper.SweepAsync(CancellationToken.None);
        Assert.NotEqual(first.Id, (await CreateAsync()).Id);
    }
}
