using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tietosuoja.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DraftReviewAndSchedule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ClaimedUntil",
                table: "ChapterDrafts",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PublishAt",
                table: "ChapterDrafts",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedAt",
                table: "ChapterDrafts",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewNote",
                table: "ChapterDrafts",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "ChapterDrafts",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedById",
                table: "ChapterDrafts",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedByName",
                table: "ChapterDrafts",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ScheduleFailed",
                table: "ChapterDrafts",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "ChapterDrafts",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                // Drafts saved before review existed are being written.
                defaultValue: "Editing");

            migrationBuilder.AddColumn<DateTime>(
                name: "SubmittedAt",
                table: "ChapterDrafts",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmittedById",
                table: "ChapterDrafts",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmittedByName",
                table: "ChapterDrafts",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChapterDrafts_State_PublishAt",
                table: "ChapterDrafts",
                columns: new[] { "State", "PublishAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChapterDrafts_State_PublishAt",
                table: "ChapterDrafts");

            migrationBuilder.DropColumn(
                name: "ClaimedUntil",
                table: "ChapterDrafts");

            migrationBuilder.DropColumn(
                name: "PublishAt",
                table: "ChapterDrafts");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "ChapterDrafts");

            migrationBuilder.DropColumn(
                name: "ReviewNote",
                table: "ChapterDrafts");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "ChapterDrafts");

            migrationBuilder.DropColumn(
                name: "ReviewedById",
                table: "ChapterDrafts");

            migrationBuilder.DropColumn(
                name: "ReviewedByName",
                table: "ChapterDrafts");

            migrationBuilder.DropColumn(
                name: "ScheduleFailed",
                table: "ChapterDrafts");

            migrationBuilder.DropColumn(
                name: "State",
                table: "ChapterDrafts");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "ChapterDrafts");

            migrationBuilder.DropColumn(
                name: "SubmittedById",
                table: "ChapterDrafts");

            migrationBuilder.DropColumn(
                name: "SubmittedByName",
                table: "ChapterDrafts");
        }
    }
}
