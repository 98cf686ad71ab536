import { Center, Loader } from '@mantine/core';

export function FullPageLoader() {
  return (
    <Center mih="60dvh" aria-busy="true">
      <Loader role="status" aria-label="Loading" />
    </Center>
  );
}
