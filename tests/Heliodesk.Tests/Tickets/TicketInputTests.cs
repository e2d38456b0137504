using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Heliodesk.Data;
using Heliodesk.Features.Tickets;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.Tickets;

public sealed class TicketInputTests(TestDatabases databases)
{
    private static HttpRequestMessage Create(object body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets") { Content = JsonContent.Create(body, options: TestApi.Json) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        return request;
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_retried_create_with_the_same_key_returns_the_first_ticket_and_creates_nothing(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var body = new { subject = "Charged twice", body = "My card was charged twice.", requester = new { email = "pay@example.com" } };

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ws.Owner.SendAsync(Create(body, "retry-1"))));
        var tickets = await Task.WhenAll(responses.Select(r => r.ReadAsync<TicketResponse>(HttpStatusCode.Created)));

        Assert.Single(tickets.Select(t => t.Id).Distinct());
        var all = await (await ws.Owner.GetAsync("/api/v1/tickets")).ReadAsync<TicketPage>(HttpStatusCode.OK);
        Assert.Single(all.Items);
        Assert.Contains(responses, r => r.Headers.Contains("Idempotent-Replayed"));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_created_ticket_answers_with_its_location_and_version(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();

        var response = await ws.Owner.SendAsync(Create(new { subject = "Hello", body = "Hi", requester = new { email = "a@example.com" } }));
        var ticket = await response.ReadAsync<TicketResponse>(HttpStatusCode.Created);

        Assert.Equal($"/api/v1/tickets/{ticket.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_retried_delete_replays_its_204_without_a_body(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var team = await (await ws.Owner.PostAsJsonAsync("/api/v1/teams", new { name = "Billing" })).ReadAsync<JsonElement>(HttpStatusCode.Created);

        async Task<HttpResponseMessage> DeleteAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/teams/{team.GetProperty("id").GetString()}");
            request.Headers.Add("Idempotency-Key", "delete-billing");
            return await ws.Owner.SendAsync(request);
        }

        var first = await DeleteAsync();
        var retry = await DeleteAsync();

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (first.StatusCode, retry.StatusCode));
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Empty(await retry.Content.ReadAsByteArrayAsync());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Reusing_a_key_for_a_different_request_is_refused(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        (await ws.Owner.SendAsync(Create(new { subject = "A", body = "a", requester = new { email = "a@example.com" } }, "k"))).EnsureSuccessStatusCode();

        var reused = await ws.Owner.SendAsync(Create(new { subject = "B", body = "b", requester = new { email = "a@example.com" } }, "k"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Invalid_fields_are_named_in_the_problem_and_nothing_is_created(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();

        await (await ws.Owner.SendAsync(Create(new { subject = "", body = "x", requester = new { email = "a@example.com" } }))).AssertFieldErrorAsync("subject");
        await (await ws.Owner.SendAsync(Create(new { subject = "s", body = "x", requester = new { email = "not an email" } }))).AssertFieldErrorAsync("requester.email");
        await (await ws.Owner.SendAsync(Create(new { subject = "s", body = "x", requester = new { email = "a@example.com" }, priority = "extreme" }))).AssertFieldErrorAsync("priority");
        await (await ws.Owner.SendAsync(Create(new { subject = "s", body = "x", requester = new { email = "a@example.com" }, language = "english!" }))).AssertFieldErrorAsync("language");
        await (await ws.Owner.SendAsync(Create(new { subject = "s", body = "x", requester = new { email = "a@example.com" }, tier = 4 }))).AssertFieldErrorAsync("tier");
        await (await ws.Owner.SendAsync(Create(new { subject = "s", body = "x", requester = new { email = "a@example.com" }, teamId = Guid.NewGuid() }))).AssertFieldErrorAsync("teamId");
        await (await ws.Owner.SendAsync(Create(new { subject = "s", body = "", requester = new { email = "a@example.com" } }))).AssertFieldErrorAsync("body");

        var all = await (await ws.Owner.GetAsync("/api/v1/tickets")).ReadAsync<TicketPage>(HttpStatusCode.OK);
        Assert.Empty(all.Items);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Oversized_bodies_are_refused_with_413(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var huge = new string('x', 2 * 1024 * 1024);

        var response = await ws.Owner.PostAsync("/api/v1/tickets", new StringContent("{\"subject\":\"s\",\"body\":\"" + huge + "\",\"requester\":{\"email\":\"a@example.com\"}}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Customer_html_is_sanitized_before_an_agent_ever_sees_it(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var ticket = await ws.Owner.CreateTicketAsync(extra: new { html = """<p onclick="steal()">Hi <script>alert(1)</script><a href="javascript:x()">link</a> <b>bold</b></p>""" });

        var messages = await (await ws.Owner.GetAsync($"/api/v1/tickets/{ticket.Id}/messages")).ReadAsync<MessagePage>(HttpStatusCode.OK);
        var html = messages.Items.Single().Html;

        Assert.DoesNotContain("script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<b>bold</b>", html, StringComparison.Ordinal);
    }
}
