using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using Heliodesk.Data;
using Heliodesk.Features.Channels.Widget;
using Heliodesk.Features.Contacts;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.Widget;

public sealed class WidgetSecurityTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_signed_identity_is_recognised_with_its_attributes_and_a_bad_signature_makes_an_anonymous_visitor(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        await app.OnlineAgentAsync(ws, ["en"]);
        var secret = await ws.RotateWidgetSecretAsync();
        var email = AgentTestApi.NewEmail("signed");
        var userId = "user-" + Guid.NewGuid().ToString("N");
        var identity = new { userId, email, name = "Sam Signed", plan = "Scale", mrr = 1250.50m, currency = "EUR", signupDate = "2025-03-14", signature = WidgetTestApi.Sign(secret, userId) };

        var started = await app.Visitor(ws).StartAsync("Hello", email: null, identity: identity);

        Assert.True(started.Verified);
        var contact = await ws.Owner.GetContactAsync((await ws.TicketNumberedAsync(started.TicketNumber)).Requester.Id);
        Assert.Equal(("Sam Signed", "Scale", 1250.50m, "EUR", new DateOnly(2025, 3, 14), userId),
            (contact.Name, contact.Plan, contact.Mrr, contact.Currency, contact.SignupDate, contact.ExternalId));
        // The same user again is the same contact, by id, even without an email.
        var again = await app.Visitor(ws).StartAsync("Me again", identity: new { userId, identity.signature });
        Assert.Equal(contact.Id, (await ws.TicketNumberedAsync(again.TicketNumber)).Requester.Id);

        var forgedId = "user-" + Guid.NewGuid().ToString("N");
        var forged = new { userId = forgedId, email, name = "Mallory", plan = "Enterprise", mrr = 99999m, signature = WidgetTestApi.Sign("whsk_guess", forgedId) };
        var anonymous = app.Visitor(ws);
        await (await anonymous.TryStartAsync(new { message = "Hi", identity = forged })).AssertFieldErrorAsync("email");
        var typed = AgentTestApi.NewEmail("typed");
        var visitor = await anonymous.StartAsync("Hi", typed, forged);
        Assert.False(visitor.Verified);
        var stranger = await ws.Owner.GetContactAsync((await ws.TicketNumberedAsync(visitor.TicketNumber)).Requester.Id);
        Assert.Equal((typed, (string?)null, (decimal?)null, (string?)null), (stranger.Emails[0].Address, stranger.Plan, stranger.Mrr, stranger.ExternalId));

        // Rotating invalidates what the old secret signed.
        await ws.RotateWidgetSecretAsync();
        Assert.False((await app.Visitor(ws).StartAsync("Old signature", AgentTestApi.NewEmail("rotated"), identity)).Verified);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_visitor_token_opens_only_its_own_conversation_in_its_own_workspace(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var other = await app.CreateWorkspaceAsync();
        await app.OnlineAgentAsync(ws, ["en"]);
        await app.OnlineAgentAsync(other, ["en"]);
        var alice = app.Visitor(ws);
        var bob = app.Visitor(ws);
        await alice.StartAsync("Alice's question", AgentTestApi.NewEmail("alice"));
        await bob.StartAsync("Bob's secret", AgentTestApi.NewEmail("bob"));
        var bobFile = (await bob.SayAsync("my file", ("bob.txt", [9, 9]))).Messages[^1].Files[0];

        var aliceSees = await alice.TranscriptAsync();
        Assert.DoesNotContain(aliceSees.Messages, m => m.Text.Contains("Bob", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await alice.Browser.GetAsync($"{alice.Api}/chat/files/{bobFile.Id}")).StatusCode);

        // Alice's token in another workspace, a guessed token, and no token at all open nothing.
        var elsewhere = app.Visitor(other);
        elsewhere.UseToken(alice.Token);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.TryTranscriptAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.TrySayAsync("hi")).StatusCode);
        var guess = app.Visitor(ws);
        guess.UseToken(new string('A', 43));
        Assert.Equal(HttpStatusCode.NotFound, (await guess.TryTranscriptAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Visitor(ws).TryTranscriptAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Visitor(ws).Browser.GetAsync($"/widget/v1/{Guid.NewGuid()}/config")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Allowed_origins_are_checked_on_every_widget_endpoint_and_answer_cors_preflights(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        await app.OnlineAgentAsync(ws, ["en"]);
        await (await ws.SetAllowedOriginsAsync("ftp://files.example.com")).AssertFieldErrorAsync("allowedOrigins[0]");
        var saved = await (await ws.SetAllowedOriginsAsync("https://Shop.Example.com/", "http://localhost:8080")).ReadAsync<WidgetSettingsResponse>(HttpStatusCode.OK);
        Assert.Equal(["https://shop.example.com", "http://localhost:8080"], saved.AllowedOrigins);
        Assert.Contains($"data-workspace=\"{ws.Id}\"", saved.EmbedCode, StringComparison.Ordinal);

        var allowed = app.Visitor(ws);
        var config = await allowed.Browser.GetAsync($"{allowed.Api}/config");
        Assert.Equal(HttpStatusCode.OK, config.StatusCode);
        Assert.Equal(WidgetTestApi.HostPage, config.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var preflight = new HttpRequestMessage(HttpMethod.Options, $"{allowed.Api}/chats");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
        var answer = await allowed.Browser.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Contains("X-Widget-Token", answer.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.Ordinal);
        await allowed.StartAsync();

        var intruder = app.Visitor(ws, "https://evil.example.net");
        intruder.UseToken(allowed.Token);
        Assert.Equal(HttpStatusCode.Forbidden, (await intruder.Browser.GetAsync($"{intruder.Api}/config")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await intruder.TryStartAsync(new { message = "spam", email = "spam@example.com" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await intruder.TryTranscriptAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await intruder.TrySayAsync("spam")).StatusCode);
        var refused = await intruder.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Options, $"{intruder.Api}/chats"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_contact_form_and_the_callback_request_follow_the_help_center_rules(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var visitor = app.Visitor(ws);

        await (await visitor.RequestAsync(new { name = "Ana", email = "not-an-address", subject = "Export", description = "Broken", urgency = "high" }))
            .AssertFieldErrorAsync("email");
        var spanish = new HttpRequestMessage(HttpMethod.Post, $"{visitor.Api}/requests")
        {
            Content = JsonContent.Create(new { name = "Ana", email = "ana@example.com", subject = "", description = "x" }, options: TestApi.Json),
        };
        spanish.Headers.AcceptLanguage.ParseAdd("es");
        var problem = await (await visitor.Browser.SendAsync(spanish)).Content.ReadAsStringAsync();
        Assert.Contains("asunto", problem, StringComparison.OrdinalIgnoreCase);

        var form = await (await visitor.RequestAsync(new { name = "Ana", email = AgentTestApi.NewEmail("ana"), subject = "Export", description = "Broken", urgency = "critical" }))
            .ReadAsync<WidgetRequestResponse>(HttpStatusCode.OK);
        var ticket = await ws.TicketNumberedAsync(form.TicketNumber);
        Assert.Equal((Features.Tickets.Channel.Widget, Features.Tickets.CustomerUrgency.Critical, Features.Tickets.TicketPriority.Urgent), (ticket.Channel, ticket.Urgency, ticket.Priority));

        var callback = await (await visitor.RequestAsync(new
        {
            name = "Ana",
            email = AgentTestApi.NewEmail("call"),
            subject = "Callback request",
            description = "About my invoice",
            callMe = true,
            phone = "+34 612 345 678",
            windowStart = "2026-12-01T10:00",
            windowEnd = "2026-12-01T12:00",
            timeZone = "Europe/Madrid",
        })).ReadAsync<WidgetRequestResponse>(HttpStatusCode.OK);
        var queued = Assert.Single((await ws.Owner.CallbackQueueAsync()).Items);
        Assert.Equal((callback.TicketNumber, Features.Tickets.Channel.Widget, "2026-12-01T10:00", "Europe/Madrid"),
            (queued.TicketNumber, queued.RequestedVia, queued.WindowStartLocal, queued.TimeZone));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), queued.WindowStart);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Visitor_messages_are_bounded_in_size_and_rate(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        await app.OnlineAgentAsync(ws, ["en"]);
        var visitor = app.Visitor(ws);
        await (await visitor.TryStartAsync(new { message = new string('x', WidgetLimits.MessageLength + 1), email = "big@example.com" })).AssertFieldErrorAsync("message");
        await visitor.StartAsync();

        await (await visitor.TrySayAsync(new string('x', WidgetLimits.MessageLength + 1))).AssertFieldErrorAsync("text");
        await (await visitor.TrySayAsync("four files", ("1", [1]), ("2", [2]), ("3", [3]), ("4", [4]))).AssertFieldErrorAsync("files");

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 61; i++)
        {
            answers.Add((await visitor.Browser.PostAsJsonAsync($"{visitor.Api}/chat/typing", new { typing = i % 2 == 0 }, TestApi.Json)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
        // The limit is the visitor's own: another visitor on the same page still chats.
        var other = app.Visitor(ws);
        await other.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await other.TrySayAsync("hello")).StatusCode);
    }

    [Fact]
    public async Task The_script_is_small_cacheable_and_versioned()
    {
        var app = await databases.SharedAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();

        var response = await client.GetAsync("/widget.js", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        var script = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        using var zipped = new MemoryStream();
        await using (var gzip = new GZipStream(zipped, CompressionLevel.Optimal, leaveOpen: true))
        {
            await gzip.WriteAsync(script, TestContext.Current.CancellationToken);
        }
        Assert.InRange(zipped.Length, 1_000, 30 * 1024);
        Assert.Contains("attachShadow", System.Text.Encoding.UTF8.GetString(script), StringComparison.Ordinal);

        var version = response.Headers.GetValues("X-Widget-Version").Single();
        Assert.Equal($"\"{version}\"", response.Headers.ETag?.Tag);
        Assert.Equal(TimeSpan.FromHours(1), response.Headers.CacheControl?.MaxAge);
        var revalidate = new HttpRequestMessage(HttpMethod.Get, "/widget.js");
        revalidate.Headers.IfNoneMatch.ParseAdd($"\"{version}\"");
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(revalidate, TestContext.Current.CancellationToken)).StatusCode);
        var pinned = await client.GetAsync($"/widget.js?v={version}", TestContext.Current.CancellationToken);
        Assert.True(pinned.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365));
    }
}
