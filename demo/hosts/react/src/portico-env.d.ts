/// <reference types="vite/client" />
// Portico's JSX typings: <micro-app> and <micro-store>, their attributes and React 19 event props.
/// <reference types="portico/react" />
