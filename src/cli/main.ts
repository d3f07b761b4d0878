import { serve } from '../serve.ts';

// The `callplane` command: the server by default, or one of the subcommands. Each subcommand is
// loaded only when asked for, so the server's start pays for none of them.

export async function main(args: string[]): Promise<void> {
  const [first, ...rest] = args;
  switch (first) {
    case 'export':
    case 'import':
      return (await import('./state-command.ts')).stateCommand(first, rest);
    case 'listen':
      return (await import('./listen-command.ts')).listenCommand(rest);
    case 'serve':
      return serve(rest);
    default:
      return serve(args);
  }
}
