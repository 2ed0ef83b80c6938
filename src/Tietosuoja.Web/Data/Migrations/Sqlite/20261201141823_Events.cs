using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tietosuoja.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Events : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Events",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TitleFi = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleSv = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DescriptionFi = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DescriptionSv = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: true),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RegistrationOpensAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RegistrationClosesAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: true),
                    MeetingLink = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MemoFi = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: true),
                    MemoSv = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: true),
                    MemoPublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RecordingUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CaptionsVtt = table.Column<string>(type: "TEXT", maxLength: 1000000, nullable: true),
                    TranscriptFi = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: true),
                    TranscriptSv = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: true),
                    RecordingPublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SelectionConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnnouncedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PersonalDataErasedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Events_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "EventChapters",
                columns: table => new
                {
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChapterId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventChapters", x => new { x.EventId, x.ChapterId });
                    table.ForeignKey(
                        name: "FK_EventChapters_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EventRegistrations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    TokenHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    FormStampHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    ProtectedToken = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    OrganisationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OrganisationType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Contribution = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Consent = table.Column<bool>(type: "INTEGER", nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StatusChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WaitingListRank = table.Column<int>(type: "INTEGER", nullable: true),
                    PromotedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MailsStoppedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ErasedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventRegistrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EventRegistrations_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EventChapters_ChapterId",
                table: "EventChapters",
                column: "ChapterId");

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_EventId_Status",
                table: "EventRegistrations",
                columns: new[] { "EventId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_FormStampHash",
                table: "EventRegistrations",
                column: "FormStampHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_TokenHash",
                table: "EventRegistrations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Events_EndsAt",
                table: "Events",
                column: "EndsAt");

            migrationBuilder.CreateIndex(
                name: "IX_Events_RoundId",
                table: "Events",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_Events_StartsAt",
                table: "Events",
                column: "StartsAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EventChapters");

            migrationBuilder.DropTable(
                name: "EventRegistrations");

            migrationBuilder.DropTable(
                name: "Events");
        }
    }
}
