-- Issue 12: hardening. Sections are appended per change; each statement ends with a breakpoint line.
select 1;
