using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tietosuoja.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CommentHistoryAndNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AssignedToId",
                table: "Comments",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssignedToName",
                table: "Comments",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EditedAfterAnswerAt",
                table: "Comments",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CommentNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CommentId = table.Column<long>(type: "bigint", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    AuthorId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    AuthorName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommentNotes_Comments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "Comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommentRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CommentId = table.Column<long>(type: "bigint", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(max)", maxLength: 10000, nullable: false),
                    SectionHeading = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    WrittenAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReplacedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    WasAnswered = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommentRevisions_Comments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "Comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_RoundId_AssignedToId",
                table: "Comments",
                columns: new[] { "RoundId", "AssignedToId" });

            migrationBuilder.CreateIndex(
                name: "IX_CommentNotes_CommentId",
                table: "CommentNotes",
                column: "CommentId");

            migrationBuilder.CreateIndex(
                name: "IX_CommentRevisions_CommentId",
                table: "CommentRevisions",
                column: "CommentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommentNotes");

            migrationBuilder.DropTable(
                name: "CommentRevisions");

            migrationBuilder.DropIndex(
                name: "IX_Comments_RoundId_AssignedToId",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "AssignedToId",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "AssignedToName",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "EditedAfterAnswerAt",
                table: "Comments");
        }
    }
}
