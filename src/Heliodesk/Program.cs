using Heliodesk;
using Heliodesk.Common;
using Heliodesk.Components;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Channels.Email;
using Heliodesk.Features.Channels.InboundWebhooks;
using Heliodesk.Features.Channels.Phone;
using Heliodesk.Features.Channels.Webhooks;
using Heliodesk.Features.Contacts;
using Heliodesk.Features.Demo;
using Heliodesk.Features.HelpCenter;
using Heliodesk.Features.Intake;
using Heliodesk.Features.Macros;
using Heliodesk.Features.Outbox;
using Heliodesk.Features.Routing;
using Heliodesk.Features.Routing.Handoff;
using Heliodesk.Features.Routing.Tank;
using Heliodesk.Features.Tickets;
using Heliodesk.Features.Workforce;
using Heliodesk.Features.Workspaces;
using Heliodesk.Hosting;
using Scalar.AspNetCore;

var builder = StartupArguments.CreateBuilder(args);

builder.AddHeliodeskHosting();
builder.AddHeliodeskData();
builder.AddAgents();
builder.AddWorkspaces();
builder.AddContacts();
builder.AddIntake();
builder.AddDemo();
builder.AddTickets();
builder.AddMacros();
builder.AddOutbox();
builder.AddPhone();
builder.AddWebhooks();
builder.AddInboundWebhooks();
builder.AddEmail();
builder.AddRouting();
builder.AddHandoff();
builder.AddTank();
builder.AddWorkforce();
builder.AddAgentUi();
builder.AddHelpCenter();

var app = builder.Build();

app.UseHeliodeskPipeline();
app.UseHelpCenter();
app.UseAgentUi();
app.MapHealthChecks("/health");
app.MapOpenApi();
app.MapScalarApiReference("/api");

var api = app.MapGroup("/api/v1").ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized);
api.MapAgentsEndpoints();
api.MapWorkspacesEndpoints();
api.MapContactsEndpoints();
api.MapTicketsEndpoints();
api.MapMacrosEndpoints();
api.MapPhoneEndpoints();
api.MapWebhooksEndpoints();
api.MapInboundWebhooksEndpoints();
api.MapEmailEndpoints();
api.MapRoutingEndpoints();
api.MapHandoffEndpoints();
api.MapTankEndpoints();
api.MapWorkforceEndpoints();
api.MapHelpCenterApi();
app.MapAgentUi();
app.MapHelpCenterEndpoints();

app.Run();

public partial class Program;
