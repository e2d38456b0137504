using System.Net;
using System.Net.Http.Json;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Channels.Email;
using Heliodesk.Features.Tickets;
using Heliodesk.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Heliodesk.Tests.Widget;

public sealed class WidgetChatTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_visitor_chats_with_an_online_agent_both_ways_and_the_transcript_is_the_tickets_conversation(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var agent = await app.OnlineAgentAsync(ws, ["en"]);
        var visitor = app.Visitor(ws);
        Assert.True((await visitor.ConfigAsync()).ChatOnline);

        var started = await visitor.StartAsync("Hi, my invoice export fails.");

        Assert.True(started.Live);
        var ticket = await ws.TicketNumberedAsync(started.TicketNumber);
        Assert.Equal(Channel.Chat, ticket.Channel);
        Assert.Equal("Hi, my invoice export fails.", ticket.Subject);

        // The visitor's stream is open when the agent answers: it says to re-read, and the answer is there.
        using var stream = await visitor.Browser.GetAsync($"{visitor.Api}/chat/stream", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        using var events = new StreamReader(await stream.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        Assert.Equal("event: update", await events.ReadLineAsync(TestContext.Current.CancellationToken));
        await events.ReadLineAsync(TestContext.Current.CancellationToken);
        await agent.Client.ReplyAsync(ticket.Id, "Hello Vera, which browser do you use?");
        Assert.Contains("\"changed\":true", await NextEventAsync(events), StringComparison.Ordinal);

        var transcript = await visitor.TranscriptAsync();
        Assert.Equal(["Hi, my invoice export fails.", "Hello Vera, which browser do you use?"], transcript.Messages.Select(m => m.Text));
        Assert.Equal([true, false], transcript.Messages.Select(m => m.FromVisitor));

        var after = await visitor.SayAsync("Firefox 140.", ("screenshot.png", [1, 2, 3]));
        Assert.Equal("Firefox 140.", after.Messages[^1].Text);
        var file = Assert.Single(after.Messages[^1].Files);
        Assert.Equal([1, 2, 3], await visitor.Browser.GetByteArrayAsync($"{visitor.Api}/chat/files/{file.Id}", TestContext.Current.CancellationToken));
        var conversation = await (await ws.Owner.GetAsync($"/api/v1/tickets/{ticket.Id}/messages")).ReadAsync<MessagePage>(HttpStatusCode.OK);
        Assert.Equal(transcript.Messages.Select(m => m.Text).Append("Firefox 140."), conversation.Items.Select(m => m.Text));
        Assert.Equal(Channel.Chat, conversation.Items[^1].Channel);
        // Answered live, so nothing was mailed.
        Assert.Equal(0, await ws.CapturedCountAsync(ticket.Requester.Email!));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Agent_typing_and_reading_reach_the_visitor(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        await app.OnlineAgentAsync(ws, ["en"]);
        var visitor = app.Visitor(ws);
        var started = await visitor.StartAsync();
        var ticket = await ws.TicketNumberedAsync(started.TicketNumber);
        Assert.Null((await visitor.TranscriptAsync()).AgentReadAt);

        var presence = app.Services.GetRequiredService<Features.Tickets.Live.TicketPresence>();
        using (var session = presence.Join(ticket.Id, ws.OwnerAgentId, "Owner", () => { }))
        {
            session.Typing(true);
            Assert.True((await visitor.TranscriptAsync()).AgentTyping);
        }
        Assert.False((await visitor.TranscriptAsync()).AgentTyping);

        var typing = await visitor.Browser.PostAsJsonAsync($"{visitor.Api}/chat/typing", new { typing = true }, TestApi.Json, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, typing.StatusCode);
        Assert.True(app.Services.GetRequiredService<Features.Channels.Widget.WidgetLive>().IsVisitorTyping(ticket.Id));
        Assert.Equal(HttpStatusCode.NoContent, (await visitor.Browser.PostAsync($"{visitor.Api}/chat/read", null, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task When_nobody_with_the_skills_is_on_shift_the_widget_says_when_the_team_is_back_and_the_message_is_answered_by_email(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var away = await app.OnlineAgentAsync(ws, ["en"], online: false);
        await ws.Owner.WeekdayShiftsAsync(away.Id, "00:00", "23:59");
        var visitor = app.Visitor(ws);
        var now = app.Clock.GetUtcNow();
        var nextShift = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        while (nextShift.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            nextShift = nextShift.AddDays(1);
        }

        var config = await visitor.ConfigAsync();
        Assert.False(config.ChatOnline);
        Assert.Equal(nextShift, config.BackAt);

        var email = AgentTestApi.NewEmail("offline");
        var started = await visitor.StartAsync("Can I change my plan?", email);
        Assert.False(started.Live);
        Assert.Null(started.Token);
        Assert.Equal(nextShift, started.BackAt);
        var ticket = await ws.TicketNumberedAsync(started.TicketNumber);
        Assert.Equal(Channel.Widget, ticket.Channel);

        await ws.Owner.ReplyAsync(ticket.Id, "Yes: Settings, then Plan.");
        await app.DeliverOutboxAsync();
        var mail = await (await ws.Owner.GetAsync($"/api/v1/dev-mailbox?to={Uri.EscapeDataString(email)}")).ReadAsync<CapturedEmailPage>(HttpStatusCode.OK);
        Assert.Contains($"[#{ticket.Number}]", Assert.Single(mail.Items).Subject, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_reply_to_a_chat_whose_visitor_has_left_is_also_mailed(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        await app.OnlineAgentAsync(ws, ["en"]);
        var email = AgentTestApi.NewEmail("left");
        var started = await app.Visitor(ws).StartAsync("Are you there?", email);
        var ticket = await ws.TicketNumberedAsync(started.TicketNumber);

        await ws.Owner.ReplyAsync(ticket.Id, "Sorry for the wait: yes, how can I help?");

        await app.DeliverOutboxAsync();
        Assert.Equal(1, await ws.CapturedCountAsync(email));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Chats_are_offered_only_to_agents_with_free_chat_capacity(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var queue = await ws.Owner.CreateQueueAsync("Chat", new { strategy = "leastLoaded" });
        await ws.Owner.CreateRuleAsync(queue.Id, new { channel = "chat" });
        var agent = await app.OnlineAgentAsync(ws, ["en"]);

        var numbers = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            numbers.Add((await app.Visitor(ws).StartAsync($"Question {i}")).TicketNumber);
            await app.RouteNowAsync();
        }

        var assignees = new List<Guid?>();
        foreach (var number in numbers)
        {
            assignees.Add((await ws.TicketNumberedAsync(number)).AssigneeId);
        }
        Assert.Equal([agent.Id, agent.Id, agent.Id, null], assignees);
        var routing = await ws.Owner.RoutingOfAsync((await ws.TicketNumberedAsync(numbers[3])).Id);
        Assert.Equal(Features.Routing.RoutingState.Queued, routing.State);
        // The team is full, not away: visitors still get a live chat that waits for the next free agent.
        Assert.True((await app.Visitor(ws).ConfigAsync()).ChatOnline);
    }

    private static async Task<string> NextEventAsync(StreamReader events)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience.RealPeer);
        while (await events.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal) && line.Contains("\"changed\":true", StringComparison.Ordinal))
            {
                return line;
            }
        }
        return "";
    }
}
